using ServerlessPlan.Core.Localization;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>A refusal or failure as a page: what happened and what to do, in plain words.</summary>
public static class ErrorPage
{
    public static Html Render(Language language, int status, string title, string detail)
    {
        var home = language == Language.En ? "Go to the start page" : "Ir a la página de inicio";
        var body = Html.Of($"""
            <h1 class="heading-l">{title}</h1>
            <p class="body">{detail}</p>
            <p class="body"><a href="/">{home}</a></p>
            <p class="hint">HTTP {status}</p>
            """);
        return Layout.Render(language, title, body, null, null, "/", signedIn: false);
    }
}
