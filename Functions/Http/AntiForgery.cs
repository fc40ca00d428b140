using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// Protection of state-changing requests against cross-site requests, without server-side state (any instance can
/// check any token): the browser must say the request is same-origin where it says anything (<c>Sec-Fetch-Site</c>,
/// <c>Origin</c>), and the form must carry a token derived from a random per-browser cookie (HttpOnly, SameSite=Strict,
/// <c>__Host-</c> on HTTPS) and the signed-in user's id. Another site can neither read the cookie nor compute the
/// token, and a token taken from one user is worthless for another. Forms carry it as a hidden field, so they work
/// without JavaScript; the script sends the same form.
/// </summary>
public static class AntiForgery
{
    public const string FieldName = "__sp_af";
    private const string HttpCookie = "sp-af";
    private const string HttpsCookie = "__Host-sp-af";

    /// <summary>The token for the page's forms (sets the browser's cookie first when it has none).</summary>
    public static string TokenFor(HttpContext context, string userId)
    {
        var cookieName = CookieName(context.Request);
        var secret = context.Items[cookieName] as string ?? context.Request.Cookies[cookieName];
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            context.Items[cookieName] = secret;
            context.Response.Cookies.Append(cookieName, secret, new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = SecurityHeaders.IsHttps(context.Request),
                IsEssential = true,
            });
        }
        return Token(secret, userId);
    }

    /// <summary>Null when the request may change state; otherwise why not (for the log).</summary>
    /// <param name="checkToken">False to check only what the headers say (before the form is read).</param>
    public static string? Refusal(HttpRequest request, string userId, string? formToken, bool checkToken = true)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return $"Sec-Fetch-Site is '{site}'";

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) ||
                                  !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return $"Origin '{origin}' is not this site";
        }

        var secret = request.Cookies[CookieName(request)];
        if (string.IsNullOrEmpty(secret)) return "no anti-forgery cookie";
        if (!checkToken) return null;
        if (string.IsNullOrEmpty(formToken)) return "no anti-forgery token";
        var expected = Encoding.ASCII.GetBytes(Token(secret, userId));
        var given = Encoding.ASCII.GetBytes(formToken.Length > 100 ? "" : formToken);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "anti-forgery token does not match";
    }

    private static string CookieName(HttpRequest request) => SecurityHeaders.IsHttps(request) ? HttpsCookie : HttpCookie;

    private static string Token(string secret, string userId) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes($"{secret}\n{userId}")));
}
