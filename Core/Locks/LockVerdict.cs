namespace ServerlessPlan.Core.Locks;

/// <summary>Whether a unit's quarter takes uploads at an instant.</summary>
public enum PeriodLockStatus
{
    /// <summary>Before the automatic lock (or quarters never lock): uploads are accepted, late or not.</summary>
    Open,

    /// <summary>Locked, but inside a reopening the ST granted the unit: uploads are accepted.</summary>
    Reopened,

    /// <summary>Locked: uploads are refused with <c>PERIOD_LOCKED</c>.</summary>
    Locked,
}

/// <summary>The lock state of a unit's quarter at one instant.</summary>
/// <param name="LockedSince">When it (last) locked: the automatic lock, or the end of the last reopening before the instant.</param>
/// <param name="Window">The reopening the instant falls in, when <see cref="Status"/> is <see cref="PeriodLockStatus.Reopened"/>.</param>
public sealed record LockVerdict(PeriodLockStatus Status, DateTimeOffset? LockedSince = null, ReopenWindow? Window = null)
{
    public static readonly LockVerdict Open = new(PeriodLockStatus.Open);

    public bool AcceptsUploads => Status != PeriodLockStatus.Locked;
}
