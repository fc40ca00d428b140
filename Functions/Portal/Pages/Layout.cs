using ServerlessPlan.Core.Presentation;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages.Shared;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// Renders pages: a Razor page component with its parameters, in its <see cref="PortalLayout"/>, the one frame.
/// </summary>
public static class Layout
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>A page component: <paramref name="parameters"/> names its parameters; the chrome comes from the request.</summary>
    public static Html Page<TPage>(PortalContext context, Dictionary<string, object?> parameters) where TPage : PortalPage =>
        Page<TPage>(PageChrome.Of(context), parameters);

    public static Html Page<TPage>(PageChrome chrome, Dictionary<string, object?> parameters) where TPage : PortalPage
    {
        parameters[nameof(PortalPage.Chrome)] = chrome;
        return Html.Raw(RazorHtml.Render<TPage>(parameters));
    }
}
