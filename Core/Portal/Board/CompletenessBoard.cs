using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>
/// The coalition's completeness board for a period: every unit that was a member then and has a part in the plan in
/// force for it, on time / late / missing / rejected only, its last upload and its current sheet. Reads the period's
/// submissions only (one query), never a progress row, so it stays fast however many activities the plan has.
/// </summary>
public sealed class CompletenessBoard(SubmissionStore submissions, PlanRegistry plans, ReportingUnits units, ReportingCalendar calendar)
{
    /// <exception cref="PeriodOutsidePlanException">No plan in force covers <paramref name="period"/> (the gate refuses such routes first).</exception>
    public async Task<BoardView> LoadAsync(ReportingPeriod period, CancellationToken ct)
    {
        var catalog = plans.For(period);
        var listed = await submissions.ListPeriodAsync(period, ct);
        var deadline = calendar.Deadline(period);
        // The same units the regional figures expect (RegionalProgressCalculator): members with a part in the plan.
        var rows = units.At(period).All
            .Where(u => catalog.Activities.Any(u.Reports))
            .Select(u => RegionalProgressCalculator.UnitStatus(u, UnitQuarters.ProgrammedFor(catalog, u, period), listed, (0, 0), deadline))
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

    /// <summary>The last day to send, as people are told it (<see cref="DeadlineText"/>): the day before <see cref="Deadline"/>.</summary>
    public DateOnly LastDayToSend => DateOnly.FromDateTime(Deadline.UtcDateTime).AddDays(-1);

    /// <summary>Every row's status, in unit order: what the completeness headline (<see cref="RegionalHeadline"/>) reads.</summary>
    public IReadOnlyList<UnitSubmissionStatus> Units => Rows.Select(r => r.Status).ToList();
}
