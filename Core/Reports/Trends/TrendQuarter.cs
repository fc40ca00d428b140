using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// One quarter of a trend: the same figures the progress page shows for it (<see cref="RegionalProgressCalculator"/>),
/// kept without the unit cells so a dozen quarters of a large plan stay small in the cache.
/// </summary>
/// <param name="Overall">Execution of the whole plan, with its lower bound and coverage.</param>
/// <param name="Axes">Each axis's figures, in plan order.</param>
/// <param name="Rate">How the expected units stood against the quarter's deadline.</param>
/// <param name="Units">Each expected unit's timeliness and own figures, in unit order.</param>
/// <param name="Activities">Each activity's regional value, coverage, lower bound and like-for-like change (no unit cells), in plan order.</param>
public sealed record TrendQuarter(
    ReportingPeriod Period,
    ProgressFigures Overall,
    IReadOnlyList<AxisProgress> Axes,
    ReportingRate Rate,
    IReadOnlyList<UnitQuarterPoint> Units,
    IReadOnlyList<ActivityProgress> Activities)
{
    /// <summary>True when no expected unit has an accepted sheet for the quarter: nothing to draw.</summary>
    public bool HasData => Rate.Reported > 0;

    public AxisProgress? Axis(string code) => Axes.FirstOrDefault(a => a.AxisCode == code);

    public ActivityProgress? Activity(string code) => Activities.FirstOrDefault(a => a.Activity.Code == code);

    public UnitQuarterPoint? Unit(string code) => Units.FirstOrDefault(u => string.Equals(u.Unit.Code, code, StringComparison.OrdinalIgnoreCase));
}
