using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

public enum LockChangeOutcome
{
    /// <summary>A reopening was recorded.</summary>
    Reopened,

    /// <summary>The same reopening (same person, reason and last day) is already in force: nothing recorded.</summary>
    AlreadyReopened,

    /// <summary>A reopening in force was ended now.</summary>
    Locked,

    /// <summary>No reopening is in force: the quarter already refuses uploads; nothing recorded.</summary>
    AlreadyLocked,

    /// <summary>Nothing recorded: see <see cref="LockChange.Refusal"/>.</summary>
    Refused,
}

/// <summary>Why a reopen or lock was not recorded.</summary>
public enum LockRefusal
{
    UnknownUnit,
    OutsidePlan,
    NotMember,
    InvalidDays,
    ReasonMissing,
    ByMissing,

    /// <summary><c>Reports__LockGraceDays</c> is -1: quarters never lock, there is nothing to reopen or lock.</summary>
    NeverLocks,

    /// <summary>The quarter has not reached its automatic lock: it accepts uploads anyway (and is not locked early).</summary>
    NotYetLocked,

    /// <summary>The unit's quarter already has <see cref="PeriodLockService.MaxEntries"/> entries.</summary>
    TooManyEntries,
}

/// <summary>The result of <see cref="PeriodLockService.ReopenAsync"/> or <see cref="PeriodLockService.LockAsync"/>.</summary>
/// <param name="State">The unit's quarter after the call (null when the request named no valid unit and quarter).</param>
/// <param name="Message">What happened, in both languages, for the person who asked.</param>
/// <param name="Entry">The entry recorded, or the one already in force that made the call a no-op.</param>
public sealed record LockChange(LockChangeOutcome Outcome, PeriodLockState? State, LocalizedText Message, LockRefusal? Refusal = null,
    LockEntry? Entry = null)
{
    /// <summary>True when the request was a mistake of its own (unknown unit, bad days, no reason): the CLI's usage error.</summary>
    public bool IsInvalidRequest => Refusal is LockRefusal.UnknownUnit or LockRefusal.OutsidePlan or LockRefusal.NotMember
        or LockRefusal.InvalidDays or LockRefusal.ReasonMissing or LockRefusal.ByMissing;
}
