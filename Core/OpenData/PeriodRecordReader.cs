using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Reads the quarters a package covers: per quarter one submissions listing (or the history rebuilt at the instant, as
/// the as-of workbook does) and the units' lock states, then each expected unit's standing computed with
/// <see cref="RegionalProgressCalculator.UnitStatus"/> and <see cref="RegionalProgressCalculator.AfterLock(UnitSubmissionStatus, IReadOnlyList{PeriodLockState})"/>
/// — the workbook's own rules. No progress row is read here: those are streamed when the table is written.
/// </summary>
public sealed class PeriodRecordReader(
    ProgressSnapshotLoader loader,
    PeriodLockService locks,
    PlanRegistry plans,
    ReportingUnits units,
    ReportingCalendar calendar)
{
    /// <summary>
    /// The quarters of <paramref name="scope"/> in plan and period order: the named one (none when no plan covers it), or
    /// every quarter of every plan in force that had opened by <paramref name="asOf"/> (or now).
    /// </summary>
    public async Task<IReadOnlyList<PeriodRecord>> ReadAsync(DatasetScope scope, DateTimeOffset? asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var quarters = Quarters(scope, asOf ?? calendar.Now).ToList();
        var records = new List<PeriodRecord>(quarters.Count);
        foreach (var (plan, period) in quarters) records.Add(await ReadAsync(plan, period, asOf, ct));
        return records;
    }

    private IEnumerable<(PlanCatalog Plan, ReportingPeriod Period)> Quarters(DatasetScope scope, DateTimeOffset at)
    {
        if (scope.Period is { } named)
        {
            if (plans.Find(named) is { } plan) yield return (plan, named);
            yield break;
        }

        foreach (var plan in plans.Plans.Plans.Select(p => p.Catalog).OrderBy(p => p.FirstYear))
        {
            var last = new ReportingPeriod(plan.LastYear, 4);
            for (var period = new ReportingPeriod(plan.FirstYear, 1); period <= last && ReportingCalendar.Opens(period) <= at; period = period.Next)
                yield return (plan, period);
        }
    }

    private async Task<PeriodRecord> ReadAsync(PlanCatalog plan, ReportingPeriod period, DateTimeOffset? asOf, CancellationToken ct)
    {
        var listing = loader.ListAsync(period, asOf, ct);
        var lockStates = locks.KnownAtAsync(period, asOf, ct);
        await Task.WhenAll(listing, lockStates);
        var submissions = await listing;
        var states = await lockStates;
        // The quarter's own dates on the coalition's clock (the coverage table's); each unit is judged on its own.
        var coalition = calendar.Dates(period, calendar.Coalition);
        // Timeliness and the reopening mark only: the counts of activities a unit reported are the progress rows' business.
        var statuses = RegionalProgressCalculator.ExpectedUnits(plan, units.At(period))
            .Select(u => RegionalProgressCalculator.AfterLock(
                RegionalProgressCalculator.UnitStatus(u, 0, submissions, (0, 0), calendar.Dates(period, u)), states))
            .ToList();
        return new PeriodRecord(plan, submissions, statuses, coalition.Deadline, coalition.LocksAt);
    }
}
