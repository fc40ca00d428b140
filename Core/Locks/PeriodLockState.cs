using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

/// <summary>
/// One unit's quarter: its deadline, when it locks by itself, and what the ST did since (reopenings and early locks,
/// oldest first). Everything about the lock at an instant is derived here, the same way for the ingestion (at an
/// upload's arrival), the reports (at the arrival of the sheet in the figures) and the portal (now).
/// </summary>
/// <param name="Dates">The unit's dates for the quarter (<see cref="ReportingCalendar.Dates(ReportingPeriod, ReportingUnit)"/>): its deadline and automatic lock, on its clock.</param>
public sealed record PeriodLockState(string Unit, ReportingPeriod Period, QuarterDates Dates, IReadOnlyList<LockEntry> Entries)
{
    /// <summary>From this instant a sheet is late (the end of the last day to send on the unit's clock).</summary>
    public DateTimeOffset Deadline => Dates.Deadline;

    /// <summary>The automatic lock (the end of the last day to send plus <c>Reports__LockGraceDays</c>, on the unit's clock); null when quarters never lock.</summary>
    public DateTimeOffset? LocksAt => Dates.LocksAt;

    /// <summary>The unit's clock: the days of its lock and reopenings are read on it.</summary>
    public ReportingZone Zone => Dates.Zone;

    /// <summary>The reopenings, each with the span it really took uploads (see <see cref="ReopenWindow.Of"/>).</summary>
    public IReadOnlyList<ReopenWindow> Windows => ReopenWindow.Of(Entries, Zone);

    /// <summary>Whether an upload arriving at <paramref name="instant"/> is accepted, and why.</summary>
    public LockVerdict At(DateTimeOffset instant)
    {
        if (LocksAt is not { } locksAt || instant < locksAt) return LockVerdict.Open;
        var windows = Windows;
        if (windows.LastOrDefault(w => w.Contains(instant)) is { } open) return new LockVerdict(PeriodLockStatus.Reopened, locksAt, open);
        var lastClosed = windows.Where(w => w.Closes <= instant && w.Closes > locksAt).Select(w => (DateTimeOffset?)w.Closes).Max();
        return new LockVerdict(PeriodLockStatus.Locked, lastClosed ?? locksAt);
    }

    /// <summary>True when an upload arriving at <paramref name="instant"/> would be refused.</summary>
    public bool IsLockedAt(DateTimeOffset instant) => !At(instant).AcceptsUploads;

    /// <summary>True when <paramref name="arrival"/> is at or after the automatic lock: a sheet then came in only through a reopening.</summary>
    public bool IsAfterLock(DateTimeOffset arrival) => LocksAt is { } locksAt && arrival >= locksAt;

    /// <summary>The state as it was known at <paramref name="instant"/>: only the entries recorded by then.</summary>
    public PeriodLockState AsOf(DateTimeOffset instant) => this with { Entries = Entries.Where(e => e.At <= instant).ToList() };
}
