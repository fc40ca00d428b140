namespace ServerlessPlan.Core.Portal.Access;

/// <summary>
/// Whether a request's <c>X-MS-CLIENT-PRINCIPAL</c> may be believed. Only App Service Authentication sets it (and
/// strips a client's own), so it is trusted only when the platform's authentication is on, or when the development
/// sign-in (local runs and tests, refused in Azure) stands in for the platform. Otherwise there is no principal at all,
/// so a misconfigured app never trusts a spoofed header.
/// </summary>
public sealed class ClientPrincipalSource(bool developmentSignIn, bool platformAuthentication)
{
    public bool DevelopmentSignIn => developmentSignIn;

    public bool Trusted => developmentSignIn || platformAuthentication;

    /// <param name="header">The request's <c>X-MS-CLIENT-PRINCIPAL</c>.</param>
    /// <param name="developmentCookie">The development sign-in's cookie (the same encoding); ignored unless that sign-in is on.</param>
    public ClientPrincipal? Read(string? header, string? developmentCookie)
    {
        if (!Trusted) return null;
        var principal = ClientPrincipal.Decode(header);
        if (principal is null && developmentSignIn) principal = ClientPrincipal.Decode(developmentCookie);
        return principal;
    }
}
