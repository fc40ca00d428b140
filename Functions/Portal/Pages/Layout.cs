using Microsoft.AspNetCore.Components;
using ServerlessPlan.Core.Presentation;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages.Shared;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// Renders pages: a Razor page component with its parameters, or (while pages move to components) a body of older
/// markup inside the same <see cref="PortalLayout"/>. There is one frame either way.
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

    /// <summary>Older markup in the common frame.</summary>
    public static Html Render(PortalContext context, string title, Html body, IReadOnlyList<Crumb>? crumbs = null) =>
        Html.Raw(RazorHtml.Render<PortalLayout>(new()
        {
            [nameof(PortalLayout.Chrome)] = PageChrome.Of(context),
            [nameof(PortalLayout.Title)] = title,
            [nameof(PortalLayout.Crumbs)] = crumbs,
            [nameof(PortalLayout.ChildContent)] = (RenderFragment)(builder => builder.AddMarkupContent(0, body.Value)),
        }));
}
