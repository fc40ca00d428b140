using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// One arrival of an upload, accepted or rejected, in the <c>Submissions</c> table beside the history it belongs to:
/// partition <c>{period}|{unit}</c>, row key <c>~arrival|{ticks of the arrival:D19}|{submission id}</c> (the <c>~</c> sorts
/// the log after every history entry and the pointer). Written once per arrival (a redelivery of the same version
/// rewrites the same row), never changed otherwise: the history entry keeps a content's first and latest arrival, this
/// log keeps every one, and whether each was accepted — what the record as of an instant is rebuilt from
/// (<see cref="SubmissionHistoryAsOf"/>).
/// </summary>
public sealed class ArrivalEntity : ITableEntity
{
    public const string RowPrefix = "~arrival|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Unit { get; set; } = "";
    public string Period { get; set; } = "";
    public string SubmissionId { get; set; } = "";
    public DateTimeOffset ArrivedAt { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }

    /// <summary>The verdict on this arrival: accepted (merged, or kept superseded) or rejected (errors, or the quarter locked).</summary>
    public bool Accepted { get; set; }

    /// <summary>The error codes of a rejected arrival, comma-separated (<c>PERIOD_LOCKED</c>, …).</summary>
    public string ErrorCodes { get; set; } = "";

    public int ErrorCount { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>
    /// The name the person sent this arrival under (<see cref="SentNames"/>); null for arrivals logged before it was
    /// recorded. Kept beside <see cref="FileName"/> so the record as of an instant names a file by one arrival, never
    /// the stored name of one and the sent name of another.
    /// </summary>
    public string? SentName { get; set; }

    public string UploadBlob { get; set; } = "";

    public static string RowKeyOf(DateTimeOffset arrivedAt, string submissionId) =>
        string.Create(CultureInfo.InvariantCulture, $"{RowPrefix}{arrivedAt.UtcTicks:D19}|{submissionId}");

    /// <summary>The arrival <paramref name="entry"/> carries (its own, before any earlier arrival is folded in), with its verdict.</summary>
    public static ArrivalEntity Of(SubmissionEntity entry, bool accepted, IEnumerable<string> errorCodes) => new()
    {
        PartitionKey = entry.PartitionKey,
        RowKey = RowKeyOf(entry.UploadedAt, entry.RowKey),
        Unit = entry.Unit,
        Period = entry.Period,
        SubmissionId = entry.RowKey,
        ArrivedAt = entry.UploadedAt,
        ProcessedAt = entry.ProcessedAt,
        Accepted = accepted,
        ErrorCodes = TableText.Bound(string.Join(",", errorCodes.Distinct(StringComparer.Ordinal)), 1000)!,
        ErrorCount = entry.ErrorCount,
        FileName = entry.FileName,
        SentName = entry.SentName,
        UploadBlob = entry.UploadBlob,
    };
}
