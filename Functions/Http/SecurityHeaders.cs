using Microsoft.AspNetCore.Http;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// The headers every response of the app carries: a strict Content-Security-Policy (only the app's own scripts,
/// styles and images; no inline script or style; not framed), no MIME sniffing, no referrer outside the site, HSTS
/// when the request came over HTTPS (App Service terminates TLS and says so in <c>X-Forwarded-Proto</c>), and no
/// caching of pages that show a person's data. A response may narrow or replace them (the digest preview, assets).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["Content-Security-Policy"] = ContentSecurityPolicy;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers.CacheControl = "no-store";
        if (IsHttps(context.Request))
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
    }

    public static bool IsHttps(HttpRequest request) =>
        request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase);
}
