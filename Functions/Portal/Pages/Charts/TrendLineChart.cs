using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Functions.Http;
using static ServerlessPlan.Functions.Portal.Pages.Charts.ChartGeometry;

namespace ServerlessPlan.Functions.Portal.Pages.Charts;

/// <summary>
/// Execution across quarters as server-rendered SVG. Hand-written rather than a chart library: the strict CSP allows
/// no script and no CDN, and the mirror carries no server-side SVG charting package; the chart is a few lines and dots.
/// Read without colour: execution is a solid line with filled dots and its value written above each; the lower bound a
/// dashed line with the band between them shaded; a low-coverage quarter has a hollow dot on a hatched column with
/// "cob. baja" under its value, so a fall in coverage is not read as a fall in progress. The line breaks between
/// years (ejecutado restarts each year).
/// </summary>
public static class TrendLineChart
{
    private const string Ink = "#1d3557";

    public static Html Render(string id, string title, string reading, IReadOnlyList<ChartPoint> points, Language language)
    {
        var max = points.Select(p => Math.Max(p.Value ?? 0, p.LowerBound ?? 0)).DefaultIfEmpty(0).Max();
        var g = new ChartGeometry(points.Count, Ceiling(max, 100, 20));
        var parts = new List<Html>
        {
            Html.Of($"""<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#b1b4b6" stroke-width="2"/></pattern></defs>"""),
        };

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].LowCoverage && points[i].Value is not null)
                parts.Add(Html.Of($"""<rect x="{N(g.X(i) - g.Step / 2 + 2)}" y="{N(Top)}" width="{N(g.Step - 4)}" height="{N(g.PlotHeight)}" fill="url(#{id}-hatch)" opacity="0.6"/>"""));
        }

        parts.Add(g.Frame(points.Select(p => p.Period).ToList(), 20, v => $"{N(v)} %", language));

        foreach (var run in Runs(points))
        {
            var upper = run.Select(i => $"{N(g.X(i))},{N(g.Y(points[i].Value!.Value))}").ToList();
            var lower = run.Where(i => points[i].LowerBound is not null).Select(i => $"{N(g.X(i))},{N(g.Y(points[i].LowerBound!.Value))}").ToList();
            if (lower.Count == run.Count && run.Count > 1)
                parts.Add(Html.Of($"""<polygon points="{string.Join(' ', upper.Concat(Enumerable.Reverse(lower)))}" fill="#dfe3e6"/>"""));
            if (lower.Count > 1)
                parts.Add(Html.Of($"""<polyline points="{string.Join(' ', lower)}" fill="none" stroke="{Ink}" stroke-width="1.5" stroke-dasharray="5 4" class="chart-lower"/>"""));
            if (run.Count > 1)
                parts.Add(Html.Of($"""<polyline points="{string.Join(' ', upper)}" fill="none" stroke="{Ink}" stroke-width="2.5" class="chart-line"/>"""));
        }

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (p.LowerBound is { } lb && p.Value is not null)
                parts.Add(Html.Of($"""<line x1="{N(g.X(i) - 5)}" x2="{N(g.X(i) + 5)}" y1="{N(g.Y(lb))}" y2="{N(g.Y(lb))}" stroke="{Ink}" stroke-width="1.5"/>"""));
            if (p.Value is not { } v)
            {
                parts.Add(Html.Of($"""<text x="{N(g.X(i))}" y="{N(g.Y(0) - 6)}" text-anchor="middle" class="chart-value chart-none" data-quarter="{p.Period.ToString()}">{p.Label}</text>"""));
                continue;
            }

            parts.Add(p.LowCoverage
                ? Html.Of($"""<circle cx="{N(g.X(i))}" cy="{N(g.Y(v))}" r="4.5" fill="#fff" stroke="{Ink}" stroke-width="2"/>""")
                : Html.Of($"""<circle cx="{N(g.X(i))}" cy="{N(g.Y(v))}" r="4.5" fill="{Ink}"/>"""));
            var labelY = Math.Max(Top - 6, g.Y(v) - 9);
            parts.Add(Html.Of($"""<text x="{N(g.X(i))}" y="{N(labelY)}" text-anchor="middle" class="chart-value" data-quarter="{p.Period.ToString()}">{p.Label}</text>"""));
            if (p.LowCoverage)
                parts.Add(Html.Of($"""<text x="{N(g.X(i))}" y="{N(Math.Min(g.Y(0) - 4, g.Y(v) + 18))}" text-anchor="middle" class="chart-note">{(language == Language.En ? "low cov." : "cob. baja")}</text>"""));
        }

        return Html.Of($"""
            <svg class="chart" viewBox="0 0 {Width} {g.Height}" role="img" aria-labelledby="{id}-title {id}-desc" id="{id}" focusable="false">
            <title id="{id}-title">{title}</title>
            <desc id="{id}-desc">{reading}</desc>
            {parts}
            </svg>
            """);
    }

    /// <summary>Runs of consecutive quarters of the same year that have a value: the line never crosses a year or a gap.</summary>
    private static IEnumerable<List<int>> Runs(IReadOnlyList<ChartPoint> points)
    {
        var run = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            var breaks = points[i].Value is null || (run.Count > 0 && points[run[^1]].Period.Year != points[i].Period.Year);
            if (breaks && run.Count > 0)
            {
                yield return run;
                run = [];
            }
            if (points[i].Value is not null) run.Add(i);
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>A quarter's figures as a point: execution, its lower bound when something is missing, low coverage.</summary>
    public static ChartPoint Point(Core.Plan.ReportingPeriod period, ProgressFigures f, Language language) => new(
        period, f.Execution, f.IsPartial ? f.LowerBoundExecution : null, Core.Reports.Trends.TrendRules.IsLowCoverage(f) && f.Execution is not null,
        FigureFormat.Percent(f.Execution, language));
}
