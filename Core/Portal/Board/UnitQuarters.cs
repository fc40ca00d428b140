using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>
/// A unit's quarters of the plan in force, as its focal points see them: from the plan's first quarter to the one in
/// progress (by the reporting calendar), each with its state, due date and upload history. One partition read per
/// quarter, in parallel.
/// </summary>
public sealed class UnitQuarters(SubmissionStore submissions, PlanCatalog catalog, ReportingCalendar calendar)
{
    /// <summary>The plan's quarters a unit can be asked about: up to the quarter in progress, never past the plan's end.</summary>
    public IReadOnlyList<ReportingPeriod> Periods()
    {
        var last = new ReportingPeriod(catalog.LastYear, 4);
        var now = calendar.InProgress();
        var upTo = now < last ? now : last;
        var periods = new List<ReportingPeriod>();
        for (var p = new ReportingPeriod(catalog.FirstYear, 1); p <= upTo; p = p.Next) periods.Add(p);
        return periods;
    }

    /// <summary>True when the period is a quarter of the plan in force.</summary>
    public bool InPlan(ReportingPeriod period) => catalog.ContainsYear(period.Year);

    /// <summary>Every quarter of <see cref="Periods"/>, newest first.</summary>
    public async Task<IReadOnlyList<UnitQuarter>> ListAsync(ReportingUnit unit, CancellationToken ct)
    {
        var quarters = await Task.WhenAll(Periods().Select(p => GetAsync(unit, p, ct)));
        return quarters.OrderByDescending(q => q.Period).ToList();
    }

    public async Task<UnitQuarter> GetAsync(ReportingUnit unit, ReportingPeriod period, CancellationToken ct)
    {
        var (history, pointer) = await submissions.ListUnitPeriodAsync(period, unit.Code, ct);
        var deadline = calendar.Deadline(period);
        var listed = new PeriodSubmissions(period, history, pointer is null ? [] : [pointer]);
        var expected = catalog.Activities.Count(unit.Reports);
        var status = RegionalProgressCalculator.UnitStatus(unit, expected, listed, (0, 0), deadline);
        var ordered = history.OrderByDescending(h => h.LatestArrival).ThenBy(h => h.RowKey, StringComparer.Ordinal).ToList();
        return new UnitQuarter(unit, period, UnitQuarter.StateOf(status, history, calendar.HasStarted(period)),
            ReportingCalendar.Opens(period), deadline, status, ordered, pointer);
    }
}
