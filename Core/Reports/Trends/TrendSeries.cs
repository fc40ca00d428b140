using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// The picture over time for one plan and a range of its quarters, every point computed by the progress page's rules
/// (<see cref="TrendCalculator"/>): execution per axis and overall with lower bound and coverage, the reporting rate,
/// each unit's and each activity's history, the activities that stalled and the biggest movers of the last quarter.
/// </summary>
/// <param name="Quarters">Every quarter from <paramref name="From"/> to <paramref name="To"/>, in order.</param>
/// <param name="Stalled">Activities not moved for <see cref="TrendRules.StalledQuarters"/> or more quarters in a row, longest first, then by code.</param>
/// <param name="Movers">The last quarter's largest like-for-like changes, largest first (by size), then by code.</param>
public sealed record TrendSeries(
    PlanCatalog Plan,
    ReportingPeriod From,
    ReportingPeriod To,
    IReadOnlyList<TrendQuarter> Quarters,
    IReadOnlyList<StalledActivity> Stalled,
    IReadOnlyList<ActivityProgress> Movers)
{
    public TrendQuarter? Quarter(ReportingPeriod period) => Quarters.FirstOrDefault(q => q.Period == period);

    /// <summary>The quarters with at least one accepted sheet.</summary>
    public IReadOnlyList<TrendQuarter> WithData => Quarters.Where(q => q.HasData).ToList();

    public TrendQuarter Last => Quarters[^1];

    /// <summary>The last <paramref name="count"/> quarters up to <see cref="To"/> (fewer when the range is shorter).</summary>
    public IReadOnlyList<TrendQuarter> LastQuarters(int count) => Quarters.Skip(Math.Max(0, Quarters.Count - count)).ToList();
}
