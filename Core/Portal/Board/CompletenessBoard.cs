using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>
/// The coalition's completeness board for a period: every unit expected to report, on time / late / missing /
/// rejected only, its last upload and its current sheet. Reads the period's submissions only (one query for the
/// pointers, one for the history), never a progress row, so it stays fast however many activities the plan has.
/// </summary>
public sealed class CompletenessBoard(SubmissionStore submissions, PlanCatalog catalog, ReportingUnits units, ReportingCalendar calendar)
{
    public async Task<BoardView> LoadAsync(ReportingPeriod period, CancellationToken ct)
    {
        var listed = await submissions.ListPeriodAsync(period, ct);
        var deadline = calendar.Deadline(period);
        var rows = units.All
            .Select(u => (Unit: u, Expected: catalog.Activities.Count(u.Reports)))
            .Where(x => x.Expected > 0)
            .Select(x => RegionalProgressCalculator.UnitStatus(x.Unit, x.Expected, listed, (0, 0), deadline))
            .Select(s => new BoardRow(s, listed.History.Any(h => string.Equals(h.Unit, s.Unit.Code, StringComparison.OrdinalIgnoreCase) &&
                                                                 h.StatusValue == SubmissionStatus.Pending)))
            .ToList();
        return new BoardView(period, deadline, calendar.HasStarted(period), rows);
    }
}

/// <param name="Processing">A sheet of the unit is being processed (no verdict yet).</param>
public sealed record BoardRow(UnitSubmissionStatus Status, bool Processing);

public sealed record BoardView(ReportingPeriod Period, DateTimeOffset Deadline, bool Opened, IReadOnlyList<BoardRow> Rows)
{
    public int Count(SubmissionTimeliness timeliness) => Rows.Count(r => r.Status.Timeliness == timeliness);

    public int Reported => Rows.Count(r => r.Status.HasReported);
}
