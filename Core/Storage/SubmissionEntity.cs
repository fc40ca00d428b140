using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// One distinct upload (by content hash) in the submission history of a unit-and-period
/// (table <c>Submissions</c>, partition <c>{period}|{unit}</c>, row key = submission id).
/// </summary>
public sealed class SubmissionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Unit { get; set; } = "";
    public string Period { get; set; } = "";
    public string Status { get; set; } = nameof(SubmissionStatus.Pending);
    /// <summary>The name the sheet is stored under in <c>uploads/{unit}/{period}/</c> (the portal's own name for a portal upload).</summary>
    public string FileName { get; set; } = "";

    /// <summary>
    /// The name the person sent the sheet under (<see cref="SentNames"/>): the portal's record of the browser's file name,
    /// or the blob's own name for a sheet written to storage directly. Null on entries recorded before it was kept: their
    /// pages show <see cref="FileName"/> and say it is the stored name.
    /// </summary>
    public string? SentName { get; set; }
    public string UploadBlob { get; set; } = "";
    public string ArchiveBlob { get; set; } = "";
    public string ReportBlob { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public long SizeBytes { get; set; }

    /// <summary>
    /// When this content first arrived (see <c>UploadArrival</c>). Kept when the same content is uploaded again: it is
    /// what timeliness is judged on, so re-sending an earlier version never makes an on-time unit late.
    /// </summary>
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>When this content last arrived, if it arrived again after <see cref="UploadedAt"/>; null otherwise.</summary>
    public DateTimeOffset? LastUploadedAt { get; set; }

    public string? Uploader { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
    public int RowCount { get; set; }
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }

    /// <summary>The warnings (or the first errors) as JSON, truncated to Table Storage's property limit.</summary>
    public string? IssuesJson { get; set; }

    public string? Supersedes { get; set; }
    public string? SupersededBy { get; set; }
    public string? FocalPointName { get; set; }
    public string? FocalPointEmail { get; set; }
    public string Language { get; set; } = "es";

    /// <summary>When the result mail was accepted by the provider; set once, by <see cref="SubmissionStore.MarkNotifiedAsync"/>.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>
    /// What the result mail marked by <see cref="NotifiedAt"/> said: <c>Accepted</c> or <c>Rejected</c> (null on entries
    /// older than this field: taken as whatever the content's verdict is). A content refused once (its quarter locked)
    /// and accepted after a reopening is told both, once each.
    /// </summary>
    public string? NotifiedVerdict { get; set; }

    /// <summary>The verdict the claim in <see cref="NoticeClaimedBy"/> is for.</summary>
    public string? NoticeClaimedVerdict { get; set; }

    /// <summary>The run that claimed the result mail (empty once released) and since when: see <see cref="SubmissionStore.TryClaimNoticeAsync"/>.</summary>
    public string? NoticeClaimedBy { get; set; }

    public DateTimeOffset? NoticeClaimedAt { get; set; }

    public string SubmissionId => RowKey;

    internal SubmissionEntity Copy() => (SubmissionEntity)MemberwiseClone();

    /// <summary>The verdict word stored with a result mail's claim and mark.</summary>
    public static string Verdict(bool accepted) => accepted ? "Accepted" : "Rejected";

    /// <summary>True when the result mail for <paramref name="verdict"/> was sent already.</summary>
    public bool IsNotified(string verdict) => NotifiedAt is not null && (NotifiedVerdict is null || NotifiedVerdict == verdict);

    public SubmissionStatus StatusValue => Enum.TryParse<SubmissionStatus>(Status, out var s) ? s : SubmissionStatus.Pending;

    /// <summary>The arrival that places this content among its unit-and-period's uploads: its latest. Not stored.</summary>
    [IgnoreDataMember]
    public DateTimeOffset LatestArrival => LastUploadedAt is { } last && last > UploadedAt ? last : UploadedAt;

    /// <summary>
    /// Folds the arrivals already recorded for this content (<paramref name="recorded"/>, null for a first delivery)
    /// into this entry, which holds one arrival: the first stays first and the latest becomes <see cref="LastUploadedAt"/>.
    /// A redelivery of the same arrival changes nothing.
    /// </summary>
    public void AddArrivals(SubmissionEntity? recorded)
    {
        if (recorded is null) return;
        var latest = LatestArrival > recorded.LatestArrival ? LatestArrival : recorded.LatestArrival;
        if (recorded.UploadedAt < UploadedAt) UploadedAt = recorded.UploadedAt;
        LastUploadedAt = latest > UploadedAt ? latest : null;
    }

    /// <summary>Order among uploads of the same unit-and-period: the later arrival wins; the id breaks exact ties.</summary>
    public static int CompareRecency(DateTimeOffset aTime, string aId, DateTimeOffset bTime, string bId)
    {
        var byTime = aTime.CompareTo(bTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(aId, bId);
    }
}
