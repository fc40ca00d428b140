using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

/// <summary>
/// One unit's quarter: its deadline, when it locks by itself, and what the ST did since (reopenings and early locks,
/// oldest first). Everything about the lock at an instant is derived here, the same way for the ingestion (at an
/// upload's arrival), the reports (at the arrival of the sheet in the figures) and the portal (now).
/// </summary>
/// <param name="LocksAt">The automatic lock (deadline + <c>Reports__LockGraceDays</c>); null when quarters never lock.</param>
public sealed record PeriodLockState(string Unit, ReportingPeriod Period, DateTimeOffset Deadline, DateTimeOffset? LocksAt,
    IReadOnlyList<LockEntry> Entries)
{
    /// <summary>The reopenings, each with the span it really took uploads (see <see cref="ReopenWindow.Of"/>).</summary>
    public IReadOnlyList<ReopenWindow> Windows => ReopenWindow.Of(Entries);

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
