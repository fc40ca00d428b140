using Azure;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// One follow-up mail in the <c>Reminders</c> table, written as a claim before the provider is called and marked
/// <c>Sent</c> only after it accepted, so each unit, quarter and kind gets its mail once (<see cref="ReminderStore"/>).
/// A unit's reminders live in the quarter's partition (<c>2021-Q3</c>, row <c>GT|before-14</c>, <c>GT|late</c>): the
/// portal reads one unit's with a row-key range and the whole quarter's with one partition. The ST's weekly lists live
/// in partition <see cref="WeeklyPartition"/>, one row per ISO week (<c>2021-W43</c>).
/// </summary>
public sealed class ReminderEntity : ISendClaimRow
{
    public const string WeeklyPartition = "weekly-missing";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary><c>before</c>, <c>late</c> or <c>weekly-missing</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The unit reminded; empty for the ST's weekly list.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The quarter (<c>2021-Q3</c>); for a weekly list, every quarter it covered, <c>;</c>-separated.</summary>
    public string Period { get; set; } = "";

    /// <summary>For a reminder before the deadline: the offset it was sent for (<c>Reminders__DaysBefore</c>).</summary>
    public int? DaysBefore { get; set; }

    /// <summary>For a weekly list: its ISO week (<c>2021-W43</c>).</summary>
    public string? Week { get; set; }

    /// <summary>The quarter's deadline (the instant sheets become late) when the reminder was decided.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The window this mail belonged to: it is sent no earlier than <see cref="WindowOpens"/> and not from <see cref="WindowCloses"/> on.</summary>
    public DateTimeOffset? WindowOpens { get; set; }

    public DateTimeOffset? WindowCloses { get; set; }

    /// <summary><see cref="ReminderSendState"/> name: Claimed, Sent, Failed or Cancelled.</summary>
    public string State { get; set; } = nameof(ReminderSendState.Claimed);

    /// <summary>Who holds the claim (one id per run) and since when; a claim older than the lease may be taken over.</summary>
    public string ClaimedBy { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public int Claims { get; set; }

    public string MessageKey { get; set; } = "";

    /// <summary><c>es</c> or <c>en</c>: the language the mail was written in.</summary>
    public string Language { get; set; } = "es";

    /// <summary>The registered addresses it went to, <c>;</c>-separated (contacts change over time; this is who got it).</summary>
    public string Recipients { get; set; } = "";

    public DateTimeOffset? SentAt { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? OutboxPath { get; set; }

    /// <summary>Why the last attempt failed, or why a claim was cancelled.</summary>
    public string? Error { get; set; }

    /// <summary>For a weekly list: the units it listed as missing, per quarter (<c>2021-Q3:BZ,HN;2021-Q4:GT</c>).</summary>
    public string? Missing { get; set; }

    public ReminderSendState StateValue => Enum.TryParse<ReminderSendState>(State, out var s) ? s : ReminderSendState.Claimed;
}

public enum ReminderSendState
{
    Claimed,
    Sent,

    /// <summary>The provider did not take it; the next run (the host's retry, or the next firing inside the window) claims it again.</summary>
    Failed,

    /// <summary>Not needed any more: the unit's sheet was accepted between the decision and the send.</summary>
    Cancelled,
}
