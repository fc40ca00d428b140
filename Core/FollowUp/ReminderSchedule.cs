namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// The reminder timer's schedule: top-level setting <c>ReminderSchedule</c> (NCRONTAB with seconds, UTC), read by the
/// host from <c>%ReminderSchedule%</c>. Daily, because the rules are windows of days: any firing inside a window sends
/// what is due in it, and a firing twice a day (or a retry) finds it sent.
/// </summary>
public static class ReminderSchedule
{
    public const string Setting = "ReminderSchedule";
    public const string Default = "0 0 13 * * *";
}
