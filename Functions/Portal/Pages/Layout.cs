using ServerlessPlan.Core.Localization;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The frame of every page: skip link, header with the service name, the signed-in user and the language switch,
/// breadcrumbs, the main content, and the app's own stylesheet and script (no inline code: the CSP forbids it).
/// </summary>
public static class Layout
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public sealed record Crumb(string Text, string? Href);

    private static Html CrumbItem(Crumb crumb) => crumb.Href is null
        ? Html.Of($"""<li aria-current="page">{crumb.Text}</li>""")
        : Html.Of($"""<li><a href="{crumb.Href}">{crumb.Text}</a></li>""");

    public static Html Render(PortalContext context, string title, Html body, IReadOnlyList<Crumb>? crumbs = null) =>
        Render(context.Language, title, body, crumbs, context.User?.Name, context.Request.Path.Value ?? "/", signedIn: context.User is not null);

    public static Html Render(Language language, string title, Html body, IReadOnlyList<Crumb>? crumbs, string? userName, string path, bool signedIn)
    {
        string T(string es, string en) => language == Language.En ? en : es;
        var other = language == Language.En ? Language.Es : Language.En;
        var switchLabel = other == Language.En ? "English" : "Español";
        var account = signedIn
            ? Html.Of($"""<span class="account-name">{userName}</span> <a class="header-link" href="/.auth/logout">{T("Cerrar sesión", "Sign out")}</a>""")
            : Html.Empty;
        var trail = crumbs is { Count: > 0 }
            ? Html.Of($"""<nav class="breadcrumbs" aria-label="{T("Ruta de navegación", "Breadcrumb")}"><ol>{crumbs.Select(CrumbItem)}</ol></nav>""")
            : Html.Empty;
        return Html.Of($"""
            <!DOCTYPE html>
            <html lang="{language.ToCode()}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} – {T("Plan operativo regional", "Regional operational plan")}</title>
            <link rel="stylesheet" href="{PortalAssetFiles.Url("portal.css")}">
            <script src="{PortalAssetFiles.Url("portal.js")}" defer></script>
            </head>
            <body>
            <a class="skip-link" href="#main">{T("Saltar al contenido principal", "Skip to main content")}</a>
            <header class="header">
            <div class="width header-row">
            <a class="service-name" href="/">{T("Coalición Regional · Plan operativo", "Regional Coalition · Operational plan")}</a>
            <div class="header-tools">{account} <a class="header-link" href="{path}?lang={other.ToCode()}" lang="{other.ToCode()}" hreflang="{other.ToCode()}">{switchLabel}</a></div>
            </div>
            </header>
            <div class="width">
            {trail}
            <main id="main" tabindex="-1">
            {body}
            </main>
            </div>
            <footer class="footer"><div class="width">{T("Coalición Regional contra la trata de personas y el tráfico ilícito de migrantes · Secretaría Técnica", "Regional Coalition against human trafficking and migrant smuggling · Technical Secretariat")}</div></footer>
            </body>
            </html>
            """);
    }
}
