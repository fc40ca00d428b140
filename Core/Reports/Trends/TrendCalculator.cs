using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// Turns a run of quarters' snapshots into a <see cref="TrendSeries"/>. Every point is the progress page's own figure
/// for its quarter (<see cref="RegionalProgressCalculator.Calculate"/>, with the previous quarter of the same year for
/// the like-for-like change), never a second formula; a unit's own execution is the same rule over its cells
/// (<see cref="RegionalProgressCalculator.UnitFigures"/>). Pure: no I/O, no clock.
/// </summary>
public sealed class TrendCalculator(RegionalProgressCalculator calculator)
{
    /// <param name="snapshots">
    /// One per quarter from <paramref name="from"/> to <paramref name="to"/> (an empty one where nobody reported), and
    /// optionally the quarter before <paramref name="from"/> when it is in the same year, for the first change.
    /// </param>
    public TrendSeries Calculate(PlanCatalog plan, ReportingUnits units, IReadOnlyList<ProgressSnapshot> snapshots,
        ReportingPeriod from, ReportingPeriod to, ReportingOptions options)
    {
        if (from > to) throw new ArgumentException($"The range {from}–{to} is empty.", nameof(from));
        var byPeriod = snapshots.ToDictionary(s => s.Period);
        var quarters = new List<TrendQuarter>();
        for (var period = from; period <= to; period = period.Next)
        {
            var current = byPeriod.TryGetValue(period, out var s) ? s : throw new ArgumentException($"No snapshot for {period}.", nameof(snapshots));
            var previous = period.Quarter > 1 ? byPeriod.GetValueOrDefault(period.Previous) : null;
            quarters.Add(Quarter(calculator.Calculate(plan, units, current, previous, options)));
        }

        return new TrendSeries(plan, from, to, quarters, Stalled(quarters), Movers(quarters[^1]));
    }

    private static TrendQuarter Quarter(RegionalProgress progress)
    {
        var own = RegionalProgressCalculator.UnitFigures(progress);
        var units = progress.Units
            .Select(u => new UnitQuarterPoint(u.Unit, u.Timeliness, own.GetValueOrDefault(u.Unit.Code), u.ActivitiesReported, u.ActivitiesExpected))
            .ToList();
        // The cells are what makes a quarter large; every figure the trend shows is already computed from them.
        var activities = progress.Activities.Select(a => a with { Units = [] }).ToList();
        return new TrendQuarter(progress.Period, progress.Overall, progress.Axes, ReportingRate.Of(progress), units, activities);
    }

    /// <summary>Activities whose like-for-like change was 0 in each of the last quarters (at least <see cref="TrendRules.StalledQuarters"/>), still below programado.</summary>
    private static List<StalledActivity> Stalled(IReadOnlyList<TrendQuarter> quarters)
    {
        var result = new List<StalledActivity>();
        foreach (var latest in quarters[^1].Activities)
        {
            if (!latest.IsPlanned || latest.RelativeProgress is not < 1) continue;
            var run = 0;
            for (var i = quarters.Count - 1; i >= 0; i--)
            {
                var a = quarters[i].Activity(latest.Activity.Code);
                if (a?.Change is not { } change || TrendRules.Moved(change)) break;
                run++;
            }

            if (run >= TrendRules.StalledQuarters) result.Add(new StalledActivity(latest, run));
        }

        return result.OrderByDescending(s => s.Quarters).ThenBy(s => s.Latest.Activity.Code, StringComparer.Ordinal).ToList();
    }

    private static List<ActivityProgress> Movers(TrendQuarter last) =>
        last.Activities
            .Where(a => a.Change is { } c && TrendRules.Moved(c))
            .OrderByDescending(a => Math.Abs(a.Change!.Points))
            .ThenBy(a => a.Activity.Code, StringComparer.Ordinal)
            .Take(TrendRules.MoversCount)
            .ToList();
}
