using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Reports;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The reporting calendar, the one definition every part uses: a quarter opens for uploads on its first day (UTC), its
/// sheet is due <c>Reports__DeadlineDays</c> after it ends, and "now" comes from the injected <see cref="TimeProvider"/>
/// so tests and the demo can set the date. The ingestion rejects quarters that have not opened and quarters that have
/// locked (<c>Reports__LockGraceDays</c> after the deadline), the templates print the due date, reports judge timeliness
/// against the deadline and the digest picks its quarter here.
/// </summary>
public sealed class ReportingCalendar(IOptions<ReportingOptions> options, PlanRegistry plans, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The first instant uploads for <paramref name="period"/> are accepted: its first day, 00:00 UTC.</summary>
    public static DateTimeOffset Opens(ReportingPeriod period) =>
        new(new DateTime(period.Year, period.Quarter * 3 - 2, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The instant from which an upload for <paramref name="period"/> is late: the quarter's end plus the deadline days.</summary>
    public static DateTimeOffset Deadline(ReportingPeriod period, int deadlineDays) => period.EndExclusive.AddDays(deadlineDays);

    /// <inheritdoc cref="Deadline(ReportingPeriod, int)"/>
    public DateTimeOffset Deadline(ReportingPeriod period) => Deadline(period, options.Value.DeadlineDays);

    /// <summary>
    /// The instant from which uploads for <paramref name="period"/> are refused (<c>PERIOD_LOCKED</c>) unless the ST
    /// reopened it for the unit: the deadline plus <paramref name="graceDays"/>; null when quarters never lock (-1).
    /// </summary>
    public static DateTimeOffset? LocksAt(ReportingPeriod period, int deadlineDays, int graceDays) =>
        graceDays < 0 ? null : Deadline(period, deadlineDays).AddDays(graceDays);

    /// <inheritdoc cref="LocksAt(ReportingPeriod, int, int)"/>
    public DateTimeOffset? LocksAt(ReportingPeriod period) => LocksAt(period, options.Value.DeadlineDays, options.Value.LockGraceDays);

    /// <summary>The last whole day to send the sheet (the day before <see cref="Deadline(ReportingPeriod, int)"/>), as templates print it.</summary>
    public static DateOnly LastDayToSend(ReportingPeriod period, int deadlineDays) =>
        DateOnly.FromDateTime(Deadline(period, deadlineDays).UtcDateTime).AddDays(-1);

    /// <summary>True once <paramref name="period"/> has opened (at <paramref name="at"/>, default now).</summary>
    public bool HasStarted(ReportingPeriod period, DateTimeOffset? at = null) => (at ?? Now) >= Opens(period);

    /// <summary>The calendar quarter that contains <paramref name="at"/> (default now).</summary>
    public ReportingPeriod InProgress(DateTimeOffset? at = null)
    {
        var instant = (at ?? Now).UtcDateTime;
        return new ReportingPeriod(instant.Year, (instant.Month - 1) / 3 + 1);
    }

    /// <summary>The latest quarter whose deadline is at or before <paramref name="at"/> (default now).</summary>
    public ReportingPeriod LastDue(DateTimeOffset? at = null)
    {
        var instant = at ?? Now;
        // The deadline is at most a year after the quarter ends (DeadlineDays ≤ 365): a few steps back at most.
        var period = InProgress(instant);
        while (Deadline(period) > instant) period = period.Previous;
        return period;
    }

    /// <summary>The quarter <paramref name="which"/> names at <paramref name="at"/> (default now).</summary>
    public ReportingPeriod Reported(ReportedQuarter which, DateTimeOffset? at = null) =>
        which == ReportedQuarter.InProgress ? InProgress(at) : LastDue(at);

    /// <summary>True when a plan in force covers the quarter's year (<see cref="PlanRegistry.Find"/>).</summary>
    public bool InPlan(ReportingPeriod period) => plans.Find(period) is not null;
}
