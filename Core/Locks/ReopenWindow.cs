using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

/// <summary>
/// A span in which a locked quarter accepted a unit's uploads again: from the reopening's <see cref="Opens"/> to the
/// first of its own end and the next entry of the history (a lock ending it early, or a reopening replacing it).
/// </summary>
/// <param name="EndedBy">The entry that ended it before its own end, if any.</param>
/// <param name="Zone">The unit's clock: a reopening ends at midnight there after its last day.</param>
public sealed record ReopenWindow(LockEntry Reopening, DateTimeOffset Opens, DateTimeOffset Closes, LockEntry? EndedBy, ReportingZone Zone)
{
    /// <summary>True when an upload arriving at <paramref name="instant"/> falls inside the window.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Opens && instant < Closes;

    /// <summary>The last whole day the reopening granted (the day before its own end), as people are told it.</summary>
    public DateOnly LastDay => LastDayOf(Reopening, Zone) ?? Zone.DayOf(Closes).AddDays(-1);

    /// <summary>The last whole day a reopening entry granted, on the unit's clock; null for a lock.</summary>
    public static DateOnly? LastDayOf(LockEntry entry, ReportingZone zone) =>
        entry.Until is { } until ? zone.DayOf(until).AddDays(-1) : null;

    /// <summary>
    /// When a reopening recorded at <paramref name="at"/> for <paramref name="days"/> days ends: midnight on the unit's
    /// clock after the <paramref name="days"/>th day after the unit's today — reopened on 19 November for 7 days, it takes
    /// uploads until the end of 26 November there.
    /// </summary>
    public static DateTimeOffset Until(DateTimeOffset at, int days, ReportingZone zone) => zone.EndOf(zone.DayOf(at).AddDays(days));

    /// <summary>The windows of a history, in its order. Entries are taken as recorded: each one ends the window before it.</summary>
    public static IReadOnlyList<ReopenWindow> Of(IReadOnlyList<LockEntry> entries, ReportingZone zone)
    {
        var ordered = entries.OrderBy(e => e.Number).ToList();
        var windows = new List<ReopenWindow>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            if (entry.Action != LockAction.Reopen || entry.Until is not { } until) continue;
            var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
            var endedEarly = next is not null && next.At < until;
            windows.Add(new ReopenWindow(entry, entry.At, endedEarly ? next!.At : until, endedEarly ? next : null, zone));
        }

        return windows;
    }
}
