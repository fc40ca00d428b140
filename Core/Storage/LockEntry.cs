namespace ServerlessPlan.Core.Storage;

/// <summary>What the ST did to one unit's quarter: reopened it for uploads until an instant, or locked it again.</summary>
public enum LockAction
{
    /// <summary>Uploads are accepted again from <see cref="LockEntry.At"/> to <see cref="LockEntry.Until"/>.</summary>
    Reopen,

    /// <summary>Ends the reopening in force at <see cref="LockEntry.At"/> before its end.</summary>
    Lock,
}

/// <summary>
/// One entry of a unit's quarter's lock history (<see cref="PeriodLockStore"/>): who did what, when and why. Entries
/// are appended, never changed; <see cref="Number"/> orders them (1, 2, …).
/// </summary>
/// <param name="At">When it was recorded (the clock of whoever recorded it): a reopening starts then.</param>
/// <param name="Until">For a reopening, the instant it ends by itself (00:00 UTC after its last day); null for a lock.</param>
public sealed record LockEntry(int Number, LockAction Action, DateTimeOffset At, DateTimeOffset? Until, string By, string Reason);
