using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Functions.Http;
using static ServerlessPlan.Functions.Portal.Pages.Charts.ChartGeometry;

namespace ServerlessPlan.Functions.Portal.Pages.Charts;

/// <summary>
/// The reporting rate per quarter as stacked bars (SVG, hand-written for the reasons <see cref="TrendLineChart"/>
/// gives): on time, late, rejected only and missing, bottom up, each told apart by its fill pattern as well as its
/// colour (solid, stripes, dots, empty outline) and named in the legend; each bar has "reported of expected" above it
/// and each segment its count when it is tall enough to hold it.
/// </summary>
public static class ReportingRateChart
{
    public static readonly SubmissionTimeliness[] Order =
        [SubmissionTimeliness.OnTime, SubmissionTimeliness.Late, SubmissionTimeliness.RejectedOnly, SubmissionTimeliness.Missing];

    public static string Name(SubmissionTimeliness t, Language l) => (t, l) switch
    {
        (SubmissionTimeliness.OnTime, Language.En) => "On time",
        (SubmissionTimeliness.OnTime, _) => "A tiempo",
        (SubmissionTimeliness.Late, Language.En) => "Late",
        (SubmissionTimeliness.Late, _) => "Tarde",
        (SubmissionTimeliness.RejectedOnly, Language.En) => "Rejected only",
        (SubmissionTimeliness.RejectedOnly, _) => "Solo rechazadas",
        (_, Language.En) => "Missing",
        _ => "Falta",
    };

    private static string Fill(string id, SubmissionTimeliness t) => t switch
    {
        SubmissionTimeliness.OnTime => "#00703c",
        SubmissionTimeliness.Late => $"url(#{id}-late)",
        SubmissionTimeliness.RejectedOnly => $"url(#{id}-rejected)",
        _ => "#ffffff",
    };

    public static Html Render(string id, string title, string reading, IReadOnlyList<ReportingRate> rates, Language language)
    {
        var max = rates.Select(r => r.Expected).DefaultIfEmpty(1).Max();
        var step = max <= 10 ? 1 : max <= 50 ? 5 : Math.Ceiling(max / 10.0 / 10) * 10;
        var g = new ChartGeometry(rates.Count, Ceiling(max, 1, step), height: 300, bottom: 70);
        var parts = new List<Html>
        {
            Html.Of($"""
                <defs>
                <pattern id="{id}-late" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b35c00" stroke-width="3"/></pattern>
                <pattern id="{id}-rejected" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.8" fill="#c3371c"/></pattern>
                </defs>
                """),
            g.Frame(rates.Select(r => r.Period).ToList(), step, N, language),
        };

        var barWidth = Math.Min(40, g.Step * 0.6);
        for (var i = 0; i < rates.Count; i++)
        {
            var rate = rates[i];
            var bottom = 0;
            foreach (var t in Order)
            {
                var count = rate.Count(t);
                if (count == 0) continue;
                var y = g.Y(bottom + count);
                var h = g.Y(bottom) - y;
                parts.Add(Html.Of($"""<rect x="{N(g.X(i) - barWidth / 2)}" y="{N(y)}" width="{N(barWidth)}" height="{N(h)}" fill="{Fill(id, t)}" stroke="#0b0c0c" stroke-width="1"{(t == SubmissionTimeliness.Missing ? Html.Raw(" stroke-dasharray=\"3 2\"") : Html.Empty)}><title>{rate.Period.ToString()}: {Name(t, language)} {count}</title></rect>"""));
                if (h >= 14)
                    parts.Add(Html.Of($"""<text x="{N(g.X(i))}" y="{N(y + h / 2 + 4)}" text-anchor="middle" class="chart-count{(t == SubmissionTimeliness.OnTime ? " chart-count--on-dark" : "")}">{count}</text>"""));
                bottom += count;
            }

            parts.Add(Html.Of($"""<text x="{N(g.X(i))}" y="{N(g.Y(rate.Expected) - 6)}" text-anchor="middle" class="chart-value" data-quarter="{rate.Period.ToString()}">{rate.Reported}/{rate.Expected}</text>"""));
        }

        // The legend, inside the picture so it prints with it.
        var legendY = g.Height - 6;
        var x = Left;
        foreach (var t in Order)
        {
            parts.Add(Html.Of($"""<rect x="{N(x)}" y="{N(legendY - 11)}" width="14" height="14" fill="{Fill(id, t)}" stroke="#0b0c0c" stroke-width="1"{(t == SubmissionTimeliness.Missing ? Html.Raw(" stroke-dasharray=\"3 2\"") : Html.Empty)}/>"""));
            parts.Add(Html.Of($"""<text x="{N(x + 19)}" y="{N(legendY)}" class="chart-axis">{Name(t, language)}</text>"""));
            x += 40 + Name(t, language).Length * 7.5;
        }

        return Html.Of($"""
            <svg class="chart" viewBox="0 0 {Width} {g.Height}" role="img" aria-labelledby="{id}-title {id}-desc" id="{id}" focusable="false">
            <title id="{id}-title">{title}</title>
            <desc id="{id}-desc">{reading}</desc>
            {parts}
            </svg>
            """);
    }
}
