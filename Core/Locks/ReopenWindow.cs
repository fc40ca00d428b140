using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

/// <summary>
/// A span in which a locked quarter accepted a unit's uploads again: from the reopening's <see cref="Opens"/> to the
/// first of its own end and the next entry of the history (a lock ending it early, or a reopening replacing it).
/// </summary>
/// <param name="EndedBy">The entry that ended it before its own end, if any.</param>
public sealed record ReopenWindow(LockEntry Reopening, DateTimeOffset Opens, DateTimeOffset Closes, LockEntry? EndedBy)
{
    /// <summary>True when an upload arriving at <paramref name="instant"/> falls inside the window.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Opens && instant < Closes;

    /// <summary>The last whole day the reopening granted (the day before its own end), as people are told it.</summary>
    public DateOnly LastDay => DateOnly.FromDateTime((Reopening.Until ?? Closes).UtcDateTime).AddDays(-1);

    /// <summary>The windows of a history, in its order. Entries are taken as recorded: each one ends the window before it.</summary>
    public static IReadOnlyList<ReopenWindow> Of(IReadOnlyList<LockEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.Number).ToList();
        var windows = new List<ReopenWindow>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            if (entry.Action != LockAction.Reopen || entry.Until is not { } until) continue;
            var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
            var endedEarly = next is not null && next.At < until;
            windows.Add(new ReopenWindow(entry, entry.At, endedEarly ? next!.At : until, endedEarly ? next : null));
        }

        return windows;
    }
}
