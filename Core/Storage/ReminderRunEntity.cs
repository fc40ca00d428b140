using Azure;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// One run of the reminder timer (or of <c>serverlessplan reminders</c>), in the <c>Reminders</c> table's partition
/// <see cref="Partition"/>: what operators need to see that the timer still runs ("no reminder run for a day").
/// </summary>
public sealed class ReminderRunEntity : ITableEntity
{
    public const string Partition = "runs";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The instant the run decided for (the timer's now; <c>reminders --at</c>'s instant).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>When it ran, on the app's clock.</summary>
    public DateTimeOffset RanAt { get; set; }

    public string Week { get; set; } = "";
    public int Decided { get; set; }
    public int Sent { get; set; }

    /// <summary>False when something due was left unsent (the provider failed, a rival run still held it).</summary>
    public bool Complete { get; set; }
}
