using Azure;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// One digest in the <c>Digests</c> table (partition <see cref="ScheduledPartition"/> or <see cref="ManualPartition"/>,
/// row key = the message key, e.g. <c>digest-202110041200</c>). Written as a claim before sending and turned into
/// <c>Sent</c> only after the provider accepted the message, so a slot is sent at most once and a failure never
/// looks sent. A slot that was never sent (failed, or its run died) is <c>Superseded</c> by the next digest sent
/// after it, which stands in for it; <c>Skipped</c> records a slot with nothing to send.
/// </summary>
public sealed class DigestEntity : ISendClaimRow
{
    public const string ScheduledPartition = "scheduled";
    public const string ManualPartition = "manual";

    public string PartitionKey { get; set; } = ScheduledPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary><see cref="DigestSendState"/> name: Claimed, Sent, Failed, Skipped or Superseded.</summary>
    public string State { get; set; } = nameof(DigestSendState.Claimed);
    public DateTimeOffset Slot { get; set; }
    public string Period { get; set; } = "";

    /// <summary>Who holds the claim (one id per run) and since when; a claim older than the lease may be taken over.</summary>
    public string ClaimedBy { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public int Claims { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? OutboxPath { get; set; }
    public int Recipients { get; set; }
    public string? Attachment { get; set; }
    public string? WorkbookUrl { get; set; }
    public string? Error { get; set; }

    /// <summary>For a <c>Superseded</c> slot: the message key of the digest that went out in its place.</summary>
    public string? SupersededBy { get; set; }

    /// <summary>
    /// The instant its figures were read (just before they were computed): <c>workbook --as-of</c> at this instant rebuilds
    /// them from the submission history.
    /// </summary>
    public DateTimeOffset? ComputedAt { get; set; }

    /// <summary>
    /// The submissions its figures were computed from, <c>{period}/{unit}={submission id}</c> separated by <c>;</c>
    /// (the quarter's and, for the like-for-like change, the quarter before's): what the record as of
    /// <see cref="ComputedAt"/> must name for the figures to be the ones sent.
    /// </summary>
    public string? Basis { get; set; }

    /// <summary>What the sent digest reported (units' current submissions, regional values), for the next one's changes.</summary>
    public string? StateJson { get; set; }

    public DigestSendState StateValue => Enum.TryParse<DigestSendState>(State, out var s) ? s : DigestSendState.Claimed;
}

public enum DigestSendState
{
    Claimed,
    Sent,
    Failed,

    /// <summary>Nothing to send (the period had no accepted submission); a later run of the slot may still send.</summary>
    Skipped,

    /// <summary>Never sent itself: a later digest, which reports every change since the last one received, went instead.</summary>
    Superseded,
}
