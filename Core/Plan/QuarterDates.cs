namespace ServerlessPlan.Core.Plan;

/// <summary>
/// One unit's dates for a quarter, the one definition every part uses (<see cref="ReportingCalendar.Dates(ReportingPeriod, ReportingUnit)"/>):
/// the last day to send and the last day a late sheet is still taken are days, the same for every unit; the instants
/// they end — from which a sheet is late, from which the quarter is locked — are midnight after them on the unit's
/// clock (<see cref="ReportingZone"/>), so Guatemala's 30 October ends at 06:00 UTC on the 31st and the Dominican
/// Republic's at 04:00 UTC.
/// </summary>
/// <param name="LastDayToSend">The last whole day to send the sheet, as templates, mails and pages print it.</param>
/// <param name="LastDayBeforeLock">The last day a late sheet is accepted (the last day to send plus <c>Reports__LockGraceDays</c>); null when quarters never lock.</param>
public sealed record QuarterDates(ReportingPeriod Period, ReportingZone Zone, DateOnly LastDayToSend, DateOnly? LastDayBeforeLock)
{
    /// <summary>The instant from which a sheet is late: the end of <see cref="LastDayToSend"/> on the unit's clock.</summary>
    public DateTimeOffset Deadline => Zone.EndOf(LastDayToSend);

    /// <summary>The instant from which uploads are refused (<c>PERIOD_LOCKED</c>) unless the ST reopened the quarter; null: never.</summary>
    public DateTimeOffset? LocksAt => LastDayBeforeLock is { } day ? Zone.EndOf(day) : null;

    /// <summary>The day the quarter locks on (the day after <see cref="LastDayBeforeLock"/>), as people are told it.</summary>
    public DateOnly? LockDay => LastDayBeforeLock?.AddDays(1);

    /// <summary>True when a sheet arriving at <paramref name="arrival"/> is late.</summary>
    public bool IsLate(DateTimeOffset arrival) => arrival >= Deadline;

    /// <summary>The unit's day <paramref name="instant"/> falls on (what "today" is for its people).</summary>
    public DateOnly DayOf(DateTimeOffset instant) => Zone.DayOf(instant);
}
