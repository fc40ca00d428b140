using System.Globalization;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// Which follow-up is due when, from the reporting calendar and <see cref="ReminderOptions"/>; no I/O. For a quarter
/// with deadline D (quarter end + <c>Reports__DeadlineDays</c>) and offsets d₁ &gt; d₂ &gt; … &gt; dₙ days:
/// <list type="bullet">
/// <item>reminder dᵢ: from D − dᵢ until D − dᵢ₊₁ (the last one until D), never before the quarter opens;</item>
/// <item>late notice: from D until the next quarter's deadline, i.e. while the quarter is the last one due;</item>
/// <item>the ST's weekly list covers the last quarter due and every open quarter whose first reminder has begun.</item>
/// </list>
/// Windows of one quarter never overlap, so one firing sends a unit at most one mail per quarter.
/// </summary>
public sealed class ReminderRules(ReportingCalendar calendar, IOptions<ReminderOptions> options)
{
    /// <summary>Every window of <paramref name="period"/>, in time order (reminders, then the late notice).</summary>
    public IReadOnlyList<ReminderWindow> WindowsOf(ReportingPeriod period)
    {
        var deadline = calendar.Deadline(period);
        var opens = ReportingCalendar.Opens(period);
        var offsets = options.Value.Offsets();
        var windows = new List<ReminderWindow>();
        for (var i = 0; i < offsets.Count; i++)
        {
            var start = deadline.AddDays(-offsets[i]);
            var end = i + 1 < offsets.Count ? deadline.AddDays(-offsets[i + 1]) : deadline;
            // Uploads are refused before the quarter opens (QUARTER_NOT_STARTED): no reminder before then either.
            if (start < opens) start = opens;
            if (start < end) windows.Add(new ReminderWindow(period, ReminderKind.Before, offsets[i], deadline, start, end));
        }
        windows.Add(new ReminderWindow(period, ReminderKind.Late, null, deadline, deadline, calendar.Deadline(period.Next)));
        return windows;
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

    /// <summary>The windows open at <paramref name="at"/>: at most one per quarter in play.</summary>
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

    /// <summary>When <paramref name="period"/> locks for uploads (a late notice says so); null when quarters never lock.</summary>
    public DateTimeOffset? LocksAt(ReportingPeriod period) => calendar.LocksAt(period);
}
