namespace ServerlessPlan.Core.FollowUp;

/// <summary>The follow-up mails: each goes out at most once per unit, quarter and kind (the ST's list once per ISO week).</summary>
public enum ReminderKind
{
    /// <summary>Before the deadline, at one of the <c>Reminders__DaysBefore</c> offsets.</summary>
    Before,

    /// <summary>After the deadline, once, while the quarter is the last one due.</summary>
    Late,

    /// <summary>To the ST: who is still missing, once per ISO week.</summary>
    WeeklyMissing,
}

public static class ReminderKinds
{
    /// <summary>The kind as stored and reported: <c>before</c>, <c>late</c>, <c>weekly-missing</c>.</summary>
    public static string Name(this ReminderKind kind) => kind switch
    {
        ReminderKind.Before => "before",
        ReminderKind.Late => "late",
        _ => "weekly-missing",
    };

    /// <summary>The kind with its offset, as it appears in row and message keys: <c>before-14</c>, <c>late</c>.</summary>
    public static string Key(this ReminderKind kind, int? daysBefore) =>
        kind == ReminderKind.Before ? $"before-{daysBefore}" : kind.Name();
}
