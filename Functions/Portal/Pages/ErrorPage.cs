using ServerlessPlan.Core.Localization;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>A refusal or failure as a page: what happened and what to do, in plain words.</summary>
public static class ErrorPage
{
    /// <summary>For a signed-in person the header still shows who they are and how to sign out (to sign in as another account).</summary>
    public static Html Render(PortalContext context, int status, string title, string detail) =>
        Layout.Render(context, title, Body(context.Language, status, title, detail));

    public static Html Render(Language language, int status, string title, string detail) =>
        Layout.Render(language, title, Body(language, status, title, detail), null, null, "/", signedIn: false);

    private static Html Body(Language language, int status, string title, string detail)
    {
        var home = language == Language.En ? "Go to the start page" : "Ir a la página de inicio";
        return Html.Of($"""
            <h1 class="heading-l">{title}</h1>
            <p class="body">{detail}</p>
            <p class="body"><a href="/">{home}</a></p>
            <p class="hint">HTTP {status}</p>
            """);
    }
}
