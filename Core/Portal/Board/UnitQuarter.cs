using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>One quarter of one unit: its state, dates and every upload the history holds (newest first).</summary>
/// <param name="Plan">The plan in force for the quarter: its template, rules and figures.</param>
/// <param name="Dates">The unit's dates for the quarter on its clock (the reporting calendar): its last day to send, deadline and lock.</param>
/// <param name="History">Distinct uploads by content, newest arrival first.</param>
public sealed record UnitQuarter(
    ReportingUnit Unit,
    ReportingPeriod Period,
    PlanCatalog Plan,
    QuarterState State,
    DateTimeOffset Opens,
    QuarterDates Dates,
    UnitSubmissionStatus Status,
    IReadOnlyList<SubmissionEntity> History,
    CurrentPointerEntity? Pointer)
{
    /// <summary>The unit's lock history for the quarter (the calendar alone until the quarter has locked: nothing can be recorded before).</summary>
    public PeriodLockState? Lock { get; init; }

    /// <summary>Whether the quarter takes the unit's uploads now (<see cref="PeriodLockState.At"/> at the page's instant).</summary>
    public LockVerdict LockNow { get; init; } = LockVerdict.Open;

    /// <summary>Who sent the quarter's uploads through the portal, as the portal recorded it.</summary>
    public IReadOnlyList<PortalSenderEntity> PortalSenders { get; init; } = [];

    /// <summary>
    /// Whether <paramref name="entry"/>'s sender is one the portal recorded as signed in; otherwise its <c>uploader</c> is
    /// only what the file's writer declared (written straight to storage).
    /// </summary>
    public bool SenderRecorded(SubmissionEntity entry) => PortalSenders.Any(s => s.Vouches(entry));

    public SubmissionEntity? Current => Pointer is null ? null : History.FirstOrDefault(h => h.RowKey == Pointer.SubmissionId);

    public bool IsOpen => State != QuarterState.NotOpen;

    /// <summary>A sheet of the quarter is being processed (no verdict yet): what the board marks <i>en proceso</i> beside the status.</summary>
    public bool Processing => History.Any(h => h.StatusValue == SubmissionStatus.Pending);

    /// <summary>From this instant a sheet is late: the end of the last day to send on the unit's clock.</summary>
    public DateTimeOffset Deadline => Dates.Deadline;

    /// <summary>The last day to send, as people are told it (<see cref="DeadlineText"/>).</summary>
    public DateOnly LastDayToSend => Dates.LastDayToSend;

    /// <summary>The unit's clock: its pages show times on it.</summary>
    public ReportingZone Zone => Dates.Zone;

    public static QuarterState StateOf(UnitSubmissionStatus status, IReadOnlyList<SubmissionEntity> history, bool opened) =>
        !opened ? QuarterState.NotOpen
        : status.Timeliness switch
        {
            SubmissionTimeliness.OnTime => QuarterState.AcceptedOnTime,
            SubmissionTimeliness.Late => QuarterState.AcceptedLate,
            SubmissionTimeliness.RejectedOnly => QuarterState.Rejected,
            _ => history.Any(h => h.StatusValue == SubmissionStatus.Pending) ? QuarterState.Processing : QuarterState.NotStarted,
        };
}
