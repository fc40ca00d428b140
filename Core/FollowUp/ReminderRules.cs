using System.Globalization;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// Which follow-up is due when, from the reporting calendar and <see cref="ReminderOptions"/>; no I/O. For a quarter
/// whose last day to send is L on a unit's clock (deadline D: the end of L there) and offsets d₁ &gt; d₂ &gt; … &gt; dₙ days:
/// <list type="bullet">
/// <item>reminder dᵢ: from the start of the dᵢth day before D (L − dᵢ + 1, so "3 days, counting today" on the unit's
/// own day) until the start of the dᵢ₊₁th (the last one until D), never before the quarter opens;</item>
/// <item>late notice: from D until the unit's deadline of the next quarter, i.e. while the quarter is its last one due;</item>
/// <item>the ST's weekly list covers the last quarter due and every open quarter whose first reminder has begun, on the coalition's clock.</item>
/// </list>
/// Windows of one quarter and clock never overlap, so one firing sends a unit at most one mail per quarter.
/// </summary>
public sealed class ReminderRules(ReportingCalendar calendar, IOptions<ReminderOptions> options)
{
    /// <summary>Every window of <paramref name="period"/> on the coalition's clock (the ST's list, the board), in time order.</summary>
    public IReadOnlyList<ReminderWindow> WindowsOf(ReportingPeriod period) => WindowsOf(period, calendar.Coalition);

    /// <summary>Every window of <paramref name="period"/> on <paramref name="zone"/>'s clock (a unit's), in time order (reminders, then the late notice).</summary>
    public IReadOnlyList<ReminderWindow> WindowsOf(ReportingPeriod period, ReportingZone zone)
    {
        var dates = calendar.Dates(period, zone);
        var deadline = dates.Deadline;
        var opens = ReportingCalendar.Opens(period);
        var offsets = options.Value.Offsets();
        var windows = new List<ReminderWindow>();
        // The dth day before the deadline, counting the last day to send as the first: its start on the unit's clock.
        DateTimeOffset DaysBefore(int days) => zone.StartOf(dates.LastDayToSend.AddDays(1 - days));
        for (var i = 0; i < offsets.Count; i++)
        {
            var start = DaysBefore(offsets[i]);
            var end = i + 1 < offsets.Count ? DaysBefore(offsets[i + 1]) : deadline;
            // Uploads are refused before the quarter opens (QUARTER_NOT_STARTED): no reminder before then either.
            if (start < opens) start = opens;
            if (start < end) windows.Add(new ReminderWindow(period, ReminderKind.Before, offsets[i], deadline, start, end, zone));
        }
        windows.Add(new ReminderWindow(period, ReminderKind.Late, null, deadline, deadline, calendar.Deadline(period.Next, zone), zone));
        return windows;
    }

    /// <summary>
    /// The window of <paramref name="period"/> open at <paramref name="at"/> on <paramref name="zone"/>'s clock, if any
    /// (windows of one quarter and clock do not overlap).
    /// </summary>
    public ReminderWindow? OpenAt(ReportingPeriod period, ReportingZone zone, DateTimeOffset at) =>
        WindowsOf(period, zone).FirstOrDefault(w => w.Contains(at));

    /// <summary>
    /// The quarters whose windows may be open at <paramref name="at"/> on some unit's clock: those in play on the
    /// coalition's (<see cref="PeriodsInPlay"/>) and the quarter before the last one due, whose late window ends hours
    /// later on a clock behind the coalition's.
    /// </summary>
    public IReadOnlyList<ReportingPeriod> CandidatesAt(DateTimeOffset at)
    {
        var inPlay = PeriodsInPlay(at);
        var before = calendar.LastDue(at).Previous;
        return calendar.InPlan(before) ? [before, .. inPlay] : inPlay;
    }

    /// <summary>
    /// The quarters in play at <paramref name="at"/>: the last one due (its late window) and every quarter that has
    /// opened and whose deadline is still ahead, oldest first; only quarters of the plan in force.
    /// </summary>
    public IReadOnlyList<ReportingPeriod> PeriodsInPlay(DateTimeOffset at)
    {
        var lastDue = calendar.LastDue(at);
        var periods = new List<ReportingPeriod>();
        // Deadlines grow with the quarter (DeadlineDays ≤ 365), so the quarter after the last due is the first ahead.
        for (var period = lastDue; period == lastDue || calendar.HasStarted(period, at); period = period.Next)
            if (calendar.InPlan(period)) periods.Add(period);
        return periods;
    }

    /// <summary>The windows open at <paramref name="at"/> on the coalition's clock: at most one per quarter in play.</summary>
    public IReadOnlyList<ReminderWindow> OpenAt(DateTimeOffset at) =>
        PeriodsInPlay(at).SelectMany(WindowsOf).Where(w => w.Contains(at)).ToList();

    /// <summary>The quarters the ST's weekly list covers at <paramref name="at"/>: the last due, and those already being reminded.</summary>
    public IReadOnlyList<ReportingPeriod> ListedAt(DateTimeOffset at) =>
        PeriodsInPlay(at).Where(p => WindowsOf(p).First().Opens <= at).ToList();

    /// <summary>The ISO 8601 week of <paramref name="at"/> (UTC), as the weekly list's key: <c>2021-W43</c>.</summary>
    public static string WeekOf(DateTimeOffset at)
    {
        var date = at.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>A unit's dates for <paramref name="period"/> on <paramref name="zone"/>'s clock (a late notice says when it locks).</summary>
    public QuarterDates Dates(ReportingPeriod period, ReportingZone zone) => calendar.Dates(period, zone);

    /// <summary>The coalition's clock: the ST's weekly list is written on it.</summary>
    public ReportingZone Coalition => calendar.Coalition;
}
