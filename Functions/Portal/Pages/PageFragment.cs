using Microsoft.AspNetCore.Components;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Presentation;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// A component rendered alone, outside a page (the verdict the upload's script puts into the page), in the request's
/// language, cascaded to it as a page's layout does.
/// </summary>
public static class PageFragment
{
    public static Html Render<TComponent>(Language language, Dictionary<string, object?> parameters) where TComponent : IComponent =>
        Html.Raw(RazorHtml.Render<CascadingValue<Language>>(new()
        {
            [nameof(CascadingValue<Language>.Value)] = language,
            [nameof(CascadingValue<Language>.IsFixed)] = true,
            [nameof(CascadingValue<Language>.ChildContent)] = (RenderFragment)(builder =>
            {
                builder.OpenComponent<TComponent>(0);
                foreach (var (name, value) in parameters) builder.AddAttribute(1, name, value);
                builder.CloseComponent();
            }),
        }));
}
