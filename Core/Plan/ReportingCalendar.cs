using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The reporting calendar, the one definition every part uses: a quarter opens for uploads on its first day (00:00
/// UTC), its last day to send is <c>Reports__DeadlineDays</c> after it ends, and it locks
/// <c>Reports__LockGraceDays</c> after that; those days end at midnight on the unit's own clock
/// (<see cref="QuarterDates"/>, <see cref="ReportingUnit.Zone"/>), and what concerns the coalition as a whole — the
/// quarter last due, the digest's quarter — on the coalition's (<see cref="ReportingUnits.Coalition"/>). "Now" comes
/// from the injected <see cref="TimeProvider"/> so tests and the demo can set the date. The ingestion rejects quarters
/// that have not opened and quarters that have locked, the templates print the due date, reports judge timeliness
/// against each unit's deadline and the digest picks its quarter here.
/// </summary>
/// <remarks>
/// The opening stays at 00:00 UTC on the quarter's first day: it is not a deadline, and for every member (all west of
/// UTC) it comes before their own midnight, so nobody is refused for sending early by their clock.
/// </remarks>
public sealed class ReportingCalendar(IOptions<ReportingOptions> options, PlanRegistry plans, ReportingUnits units, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The coalition's clock (the ST's zone): its pages, the ST's weekly list and the quarter last due are read on it.</summary>
    public ReportingZone Coalition => units.Coalition;

    /// <summary>The first instant uploads for <paramref name="period"/> are accepted: its first day, 00:00 UTC.</summary>
    public static DateTimeOffset Opens(ReportingPeriod period) =>
        new(new DateTime(period.Year, period.Quarter * 3 - 2, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The quarter's first day, as people are told it opens ("1 de julio de 2021").</summary>
    public static DateOnly FirstDay(ReportingPeriod period) => new(period.Year, period.Quarter * 3 - 2, 1);

    /// <summary>The last whole day to send <paramref name="period"/>'s sheet: <paramref name="deadlineDays"/> after the quarter ends (a day, the same for every unit).</summary>
    public static DateOnly LastDayToSend(ReportingPeriod period, int deadlineDays) =>
        DateOnly.FromDateTime(period.EndExclusive.UtcDateTime).AddDays(deadlineDays - 1);

    /// <summary>A unit's dates for <paramref name="period"/> on <paramref name="zone"/>'s clock, by the given settings.</summary>
    public static QuarterDates Dates(ReportingPeriod period, ReportingZone zone, int deadlineDays, int graceDays)
    {
        var lastDay = LastDayToSend(period, deadlineDays);
        return new QuarterDates(period, zone, lastDay, graceDays < 0 ? null : lastDay.AddDays(graceDays));
    }

    /// <summary>A unit's dates for <paramref name="period"/> on <paramref name="zone"/>'s clock.</summary>
    public QuarterDates Dates(ReportingPeriod period, ReportingZone zone) =>
        Dates(period, zone, options.Value.DeadlineDays, options.Value.LockGraceDays);

    /// <summary><paramref name="unit"/>'s dates for <paramref name="period"/>: its deadline and lock end on its clock.</summary>
    public QuarterDates Dates(ReportingPeriod period, ReportingUnit unit) => Dates(period, unit.Zone);

    /// <summary>The last whole day to send <paramref name="period"/>'s sheet (<see cref="LastDayToSend(ReportingPeriod, int)"/>).</summary>
    public DateOnly LastDayToSend(ReportingPeriod period) => LastDayToSend(period, options.Value.DeadlineDays);

    /// <summary>The instant from which an upload for <paramref name="period"/> is late on <paramref name="zone"/>'s clock.</summary>
    public DateTimeOffset Deadline(ReportingPeriod period, ReportingZone zone) => Dates(period, zone).Deadline;

    /// <summary>When <paramref name="period"/> locks on <paramref name="zone"/>'s clock; null when quarters never lock (-1).</summary>
    public DateTimeOffset? LocksAt(ReportingPeriod period, ReportingZone zone) => Dates(period, zone).LocksAt;

    /// <summary>True once <paramref name="period"/> has opened (at <paramref name="at"/>, default now).</summary>
    public bool HasStarted(ReportingPeriod period, DateTimeOffset? at = null) => (at ?? Now) >= Opens(period);

    /// <summary>The calendar quarter that contains <paramref name="at"/> (default now).</summary>
    public ReportingPeriod InProgress(DateTimeOffset? at = null)
    {
        var instant = (at ?? Now).UtcDateTime;
        return new ReportingPeriod(instant.Year, (instant.Month - 1) / 3 + 1);
    }

    /// <summary>The latest quarter whose deadline on the coalition's clock is at or before <paramref name="at"/> (default now).</summary>
    public ReportingPeriod LastDue(DateTimeOffset? at = null)
    {
        var instant = at ?? Now;
        // The deadline is at most a year after the quarter ends (DeadlineDays ≤ 365): a few steps back at most.
        var period = InProgress(instant);
        while (Deadline(period, Coalition) > instant) period = period.Previous;
        return period;
    }

    /// <summary>The quarter <paramref name="which"/> names at <paramref name="at"/> (default now).</summary>
    public ReportingPeriod Reported(ReportedQuarter which, DateTimeOffset? at = null) =>
        which == ReportedQuarter.InProgress ? InProgress(at) : LastDue(at);

    /// <summary>True when a plan in force covers the quarter's year (<see cref="PlanRegistry.Find"/>).</summary>
    public bool InPlan(ReportingPeriod period) => plans.Find(period) is not null;
}
