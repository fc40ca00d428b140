using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// When one reminder of a quarter may go out: from <paramref name="Opens"/> (inclusive) to <paramref name="Closes"/>
/// (exclusive). A firing inside the window sends it (once); a firing after it does not, so a host that was down over
/// the 14-day point still sends that reminder on day 10, but not on day 2, when the 3-day one is due instead.
/// </summary>
/// <param name="Deadline">The quarter's deadline on <paramref name="Zone"/>'s clock: the instant a sheet becomes late.</param>
/// <param name="Zone">The clock the window's days are counted on (the unit's).</param>
public sealed record ReminderWindow(
    ReportingPeriod Period,
    ReminderKind Kind,
    int? DaysBefore,
    DateTimeOffset Deadline,
    DateTimeOffset Opens,
    DateTimeOffset Closes,
    ReportingZone Zone)
{
    /// <summary><c>before-14</c>, <c>late</c>: the kind with its offset.</summary>
    public string Key => Kind.Key(DaysBefore);

    public bool Contains(DateTimeOffset at) => at >= Opens && at < Closes;

    /// <summary>The last day to send, as the mail says it (the day before <see cref="Deadline"/> on the unit's clock).</summary>
    public DateOnly LastDayToSend => Zone.DayOf(Deadline).AddDays(-1);
}
