using Microsoft.AspNetCore.Components;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Presentation;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages.Charts;

/// <summary>
/// A chart component as markup for a page section still written as a C# string (while the pages move to components):
/// the chart renders in the language given, cascaded as a page would.
/// </summary>
public static class ChartMarkup
{
    public static Html Line(string id, string title, string reading, IReadOnlyList<ChartPoint> points, Language language) =>
        Html.Raw(RazorHtml.Render<CascadingValue<Language>>(new()
        {
            [nameof(CascadingValue<Language>.Value)] = language,
            [nameof(CascadingValue<Language>.IsFixed)] = true,
            [nameof(CascadingValue<Language>.ChildContent)] = (RenderFragment)(builder =>
            {
                builder.OpenComponent<TrendLineChart>(0);
                builder.AddComponentParameter(1, nameof(TrendLineChart.Id), id);
                builder.AddComponentParameter(2, nameof(TrendLineChart.Title), title);
                builder.AddComponentParameter(3, nameof(TrendLineChart.Reading), reading);
                builder.AddComponentParameter(4, nameof(TrendLineChart.Points), points);
                builder.CloseComponent();
            }),
        }));
}
