using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>
/// The coalition's completeness board for a period: every unit that was a member then and has a part in the plan in
/// force for it, on time / late / missing / rejected only, its last upload, its current sheet and its lock state, and the
/// quarter's follow-up (the reminders and late notices sent, the ST's weekly lists). Reads the period's submissions (one
/// query), its reminders (one partition and one range) and, once the quarter has locked, its lock histories (one
/// partition), never a progress row, so it stays fast however many activities the plan has.
/// </summary>
public sealed class CompletenessBoard(
    SubmissionStore submissions, PlanRegistry plans, ReportingUnits units, ReportingCalendar calendar, PeriodLockService locks, ReminderHistory reminders)
{
    /// <exception cref="PeriodOutsidePlanException">No plan in force covers <paramref name="period"/> (the gate refuses such routes first).</exception>
    public async Task<BoardView> LoadAsync(ReportingPeriod period, CancellationToken ct)
    {
        var catalog = plans.For(period);
        var now = calendar.Now;
        var lockRead = locks.KnownAtAsync(period, now, ct);
        var followUp = reminders.ForPeriodAsync(period, ct);
        var listed = await submissions.ListPeriodAsync(period, ct);
        var lockStates = (await lockRead).ToDictionary(s => s.Unit, StringComparer.OrdinalIgnoreCase);
        var deadline = calendar.Deadline(period);
        // The same units the regional figures expect (RegionalProgressCalculator): members with a part in the plan.
        var rows = units.At(period).All
            .Where(u => catalog.Activities.Any(u.Reports))
            .Select(u =>
            {
                var lockState = lockStates.GetValueOrDefault(u.Code) ?? locks.Calendar(u.Code, period);
                var status = RegionalProgressCalculator.AfterLock(
                    RegionalProgressCalculator.UnitStatus(u, UnitQuarters.ProgrammedFor(catalog, u, period), listed, (0, 0), deadline), lockState);
                var processing = listed.History.Any(h => string.Equals(h.Unit, u.Code, StringComparison.OrdinalIgnoreCase) &&
                                                         h.StatusValue == SubmissionStatus.Pending);
                return new BoardRow(status, processing, lockState, lockState.At(now));
            })
            .ToList();
        return new BoardView(period, deadline, calendar.HasStarted(period), rows)
        {
            Now = now,
            LocksAt = calendar.LocksAt(period),
            FollowUp = await followUp,
        };
    }
}

/// <param name="Processing">A sheet of the unit is being processed (no verdict yet).</param>
/// <param name="Lock">The unit's lock history for the quarter (the calendar alone before the quarter locks).</param>
/// <param name="LockNow">Whether the quarter takes the unit's uploads at the board's instant.</param>
public sealed record BoardRow(UnitSubmissionStatus Status, bool Processing, PeriodLockState Lock, LockVerdict LockNow);

public sealed record BoardView(ReportingPeriod Period, DateTimeOffset Deadline, bool Opened, IReadOnlyList<BoardRow> Rows)
{
    /// <summary>The instant the board was read: what its lock states are at.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>When the quarter locks for uploads (deadline + <c>Reports__LockGraceDays</c>); null when quarters never lock.</summary>
    public DateTimeOffset? LocksAt { get; init; }

    /// <summary>The quarter's reminders, late notices and the ST's weekly lists that covered it.</summary>
    public QuarterFollowUp? FollowUp { get; init; }

    /// <summary>True once the quarter has locked: the ST may reopen it for a unit from then on.</summary>
    public bool HasLocked => LocksAt is { } at && Now >= at;

    public int Count(SubmissionTimeliness timeliness) => Rows.Count(r => r.Status.Timeliness == timeliness);

    public int Reported => Rows.Count(r => r.Status.HasReported);

    /// <summary>The last day to send, as people are told it (<see cref="DeadlineText"/>): the day before <see cref="Deadline"/>.</summary>
    public DateOnly LastDayToSend => DateOnly.FromDateTime(Deadline.UtcDateTime).AddDays(-1);

    /// <summary>Every row's status, in unit order: what the completeness headline (<see cref="RegionalHeadline"/>) reads.</summary>
    public IReadOnlyList<UnitSubmissionStatus> Units => Rows.Select(r => r.Status).ToList();
}
