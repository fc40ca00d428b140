using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>
/// A unit's quarters as its focal points see them: every quarter of the plans in force, from the first plan's first
/// quarter to the one in progress (by the reporting calendar), in which the unit was a member; each against the plan in
/// force for it, with its state, due date, lock state and upload history. One partition read per quarter, in parallel,
/// and a point read of its lock history once the quarter has locked (before, nothing can have been reopened).
/// </summary>
public sealed class UnitQuarters(SubmissionStore submissions, PlanRegistry plans, ReportingCalendar calendar, PeriodLockService locks)
{
    /// <summary>The quarters of every plan in force up to the quarter in progress, never past a plan's end, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> Periods()
    {
        var now = calendar.InProgress();
        var periods = new List<ReportingPeriod>();
        foreach (var plan in plans.Plans.Plans.OrderBy(p => p.Catalog.FirstYear))
        {
            var last = new ReportingPeriod(plan.Catalog.LastYear, 4);
            var upTo = now < last ? now : last;
            for (var p = new ReportingPeriod(plan.Catalog.FirstYear, 1); p <= upTo; p = p.Next) periods.Add(p);
        }
        return periods;
    }

    /// <summary>The quarters of <see cref="Periods()"/> in which <paramref name="unit"/> was a member.</summary>
    public IReadOnlyList<ReportingPeriod> Periods(ReportingUnit unit) => Periods().Where(unit.IsMemberIn).ToList();

    /// <summary>Every quarter of <see cref="Periods(ReportingUnit)"/>, newest first.</summary>
    public async Task<IReadOnlyList<UnitQuarter>> ListAsync(ReportingUnit unit, CancellationToken ct)
    {
        var quarters = await Task.WhenAll(Periods(unit).Select(p => GetAsync(unit, p, ct)));
        return quarters.OrderByDescending(q => q.Period).ToList();
    }

    /// <exception cref="PeriodOutsidePlanException">No plan in force covers <paramref name="period"/> (the gate refuses such routes first).</exception>
    public async Task<UnitQuarter> GetAsync(ReportingUnit unit, ReportingPeriod period, CancellationToken ct)
    {
        var catalog = plans.For(period);
        var now = calendar.Now;
        var dates = calendar.Dates(period, unit);
        var lockRead = dates.LocksAt is { } locksAt && now >= locksAt
            ? locks.StateAsync(unit.Code, period, ct)
            : Task.FromResult(locks.Calendar(unit.Code, period));
        var senders = submissions.ListPortalSendersAsync(period, unit.Code, ct);
        var (history, pointer) = await submissions.ListUnitPeriodAsync(period, unit.Code, ct);
        var lockState = await lockRead;
        var listed = new PeriodSubmissions(period, history, pointer is null ? [] : [pointer]);
        var status = RegionalProgressCalculator.AfterLock(
            RegionalProgressCalculator.UnitStatus(unit, ProgrammedFor(catalog, unit, period), listed, (0, 0), dates), lockState);
        var ordered = history.OrderByDescending(h => h.LatestArrival).ThenBy(h => h.RowKey, StringComparer.Ordinal).ToList();
        return new UnitQuarter(unit, period, catalog, UnitQuarter.StateOf(status, history, calendar.HasStarted(period)),
            ReportingCalendar.Opens(period), dates, status, ordered, pointer)
        {
            Lock = lockState,
            LockNow = lockState.At(now),
            PortalSenders = await senders,
        };
    }

    /// <summary>Activities of the unit's part of <paramref name="catalog"/> with a programado above 0 for the period's year: what it is expected to report.</summary>
    public static int ProgrammedFor(PlanCatalog catalog, ReportingUnit unit, ReportingPeriod period) =>
        catalog.ActivitiesFor(unit).Count(a => a.ForYear(period.Year)?.Programado > 0);
}
