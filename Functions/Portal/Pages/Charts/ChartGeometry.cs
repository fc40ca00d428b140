using System.Globalization;

namespace ServerlessPlan.Functions.Portal.Pages.Charts;

/// <summary>
/// The geometry the portal's charts share (<see cref="ChartFrame"/> draws its grid and labels): a fixed view box scaled by CSS, quarters evenly spaced along x (a line between
/// years, labelled once per year), a y scale from zero with its grid. Coordinates are written with the invariant culture.
/// </summary>
public sealed class ChartGeometry(int quarters, double yMax, int height = 260, double bottom = 46)
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

    /// <summary>The y values of the horizontal grid lines, from zero to the top of the scale.</summary>
    public IEnumerable<double> GridValues(double gridStep)
    {
        for (var v = 0.0; v <= YMax + 1e-9; v += gridStep) yield return v;
    }

    /// <summary>Where the plot's bottom edge is (the zero line).</summary>
    public double Baseline => Top + PlotHeight;
}
