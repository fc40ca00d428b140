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
        // The quarter's dates on the coalition's clock (its headline); each row's on its unit's.
        var dates = calendar.Dates(period, calendar.Coalition);
        // The same units the regional figures expect (RegionalProgressCalculator): members with a part in the plan.
        var rows = units.At(period).All
            .Where(u => catalog.Activities.Any(u.Reports))
            .Select(u =>
            {
                var lockState = lockStates.GetValueOrDefault(u.Code) ?? locks.Calendar(u.Code, period);
                var status = RegionalProgressCalculator.AfterLock(
                    RegionalProgressCalculator.UnitStatus(u, UnitQuarters.ProgrammedFor(catalog, u, period), listed, (0, 0), calendar.Dates(period, u)), lockState);
                var processing = listed.History.Any(h => string.Equals(h.Unit, u.Code, StringComparison.OrdinalIgnoreCase) &&
                                                         h.StatusValue == SubmissionStatus.Pending);
                return new BoardRow(status, processing, lockState, lockState.At(now));
            })
            .ToList();
        return new BoardView(period, dates, calendar.HasStarted(period), rows)
        {
            Now = now,
            FollowUp = await followUp,
        };
    }
}

/// <param name="Processing">A sheet of the unit is being processed (no verdict yet).</param>
/// <param name="Lock">The unit's lock history for the quarter (the calendar alone before the quarter locks).</param>
/// <param name="LockNow">Whether the quarter takes the unit's uploads at the board's instant.</param>
public sealed record BoardRow(UnitSubmissionStatus Status, bool Processing, PeriodLockState Lock, LockVerdict LockNow);

/// <param name="Dates">The quarter's dates on the coalition's clock: its last day to send and lock day are every unit's, each ending on the unit's own clock (<see cref="BoardRow.Lock"/>).</param>
public sealed record BoardView(ReportingPeriod Period, QuarterDates Dates, bool Opened, IReadOnlyList<BoardRow> Rows)
{
    /// <summary>The instant the board was read: what its lock states are at.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The coalition's clock: the board's times are shown on it.</summary>
    public ReportingZone Zone => Dates.Zone;

    /// <summary>The day the quarter locks for uploads (the last day to send + <c>Reports__LockGraceDays</c> + 1), at its start on each unit's clock; null when quarters never lock.</summary>
    public DateOnly? LockDay => Dates.LockDay;

    /// <summary>True when quarters lock at all (<c>Reports__LockGraceDays</c> ≥ 0).</summary>
    public bool Locks => Dates.LocksAt is not null;

    /// <summary>The quarter's reminders, late notices and the ST's weekly lists that covered it.</summary>
    public QuarterFollowUp? FollowUp { get; init; }

    /// <summary>True once the quarter has locked for some unit (each on its clock): the ST may reopen it for that unit from then on.</summary>
    public bool HasLocked => Rows.Any(r => r.Lock.LocksAt is { } at && Now >= at);

    public int Count(SubmissionTimeliness timeliness) => Rows.Count(r => r.Status.Timeliness == timeliness);

    public int Reported => Rows.Count(r => r.Status.HasReported);

    /// <summary>The last day to send, as people are told it (<see cref="DeadlineText"/>), ending on each unit's clock.</summary>
    public DateOnly LastDayToSend => Dates.LastDayToSend;

    /// <summary>Every row's status, in unit order: what the completeness headline (<see cref="RegionalHeadline"/>) reads.</summary>
    public IReadOnlyList<UnitSubmissionStatus> Units => Rows.Select(r => r.Status).ToList();
}
