using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages.Charts;

/// <summary>
/// The frame the portal's charts share: a fixed view box scaled by CSS, quarters evenly spaced along x (a line between
/// years, labelled once per year), a y scale from zero with its grid. Coordinates are written with the invariant culture.
/// </summary>
internal sealed class ChartGeometry(int quarters, double yMax, int height = 260, double bottom = 46)
{
    public const int Width = 640;
    public const double Left = 52, Right = 12, Top = 22;

    public int Height { get; } = height;

    public double YMax { get; } = yMax;

    public double PlotWidth => Width - Left - Right;

    /// <summary>Room under the plot for the quarter and year labels (and a legend, when a chart has one).</summary>
    public double Bottom { get; } = bottom;

    public double PlotHeight => Height - Top - Bottom;

    public double Step => PlotWidth / Math.Max(1, quarters);

    public double X(int index) => Left + (index + 0.5) * Step;

    public double Y(double value) => Top + PlotHeight * (1 - Math.Clamp(value, 0, YMax) / YMax);

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A round top for the scale: 100 for percentages unless a value passes it.</summary>
    public static double Ceiling(double max, double floor, double step) => Math.Max(floor, Math.Ceiling(max / step) * step);

    /// <summary>Horizontal grid lines with their labels, the x labels (quarter, and the year under each year's first) and year separators.</summary>
    public Html Frame(IReadOnlyList<ReportingPeriod> periods, double gridStep, Func<double, string> yLabel, Language language)
    {
        var parts = new List<Html>();
        for (var v = 0.0; v <= YMax + 1e-9; v += gridStep)
        {
            parts.Add(Html.Of($"""<line x1="{N(Left)}" x2="{N(Width - Right)}" y1="{N(Y(v))}" y2="{N(Y(v))}" stroke="#b1b4b6" stroke-width="{(v == 0 ? "1.5" : "0.5")}"/>"""));
            parts.Add(Html.Of($"""<text x="{N(Left - 6)}" y="{N(Y(v) + 4)}" text-anchor="end" class="chart-axis">{yLabel(v)}</text>"""));
        }

        var quarterWord = language == Language.En ? "Q" : "T";
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            parts.Add(Html.Of($"""<text x="{N(X(i))}" y="{N(Top + PlotHeight + 16)}" text-anchor="middle" class="chart-axis">{quarterWord}{p.Quarter}</text>"""));
            if (i == 0 || p.Quarter == 1)
                parts.Add(Html.Of($"""<text x="{N(X(i))}" y="{N(Top + PlotHeight + 34)}" text-anchor="middle" class="chart-axis chart-year">{p.Year}</text>"""));
            if (i > 0 && p.Quarter == 1)
            {
                var x = Left + i * Step;
                parts.Add(Html.Of($"""<line x1="{N(x)}" x2="{N(x)}" y1="{N(Top)}" y2="{N(Top + PlotHeight + 38)}" stroke="#505a5f" stroke-width="1" stroke-dasharray="2 3"/>"""));
            }
        }

        return Html.Join(parts);
    }
}
