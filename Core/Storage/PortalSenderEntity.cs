using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Who sent an upload through the portal, as the portal recorded it from the signed-in person (not from the blob's
/// <c>uploader</c> metadata, which anyone writing straight to storage sets as they like). In the <c>Submissions</c> table
/// beside the history it vouches for: partition <c>{period}|{unit}</c>, row key <c>~sender|{stored file name}|{person's tag}</c>
/// (the <c>~</c> keeps it out of the history's key range, as the arrival log is; one row per person, since two people
/// sending the same sheet in the same second share its name). Written before the blob.
/// </summary>
public sealed class PortalSenderEntity : ITableEntity
{
    public const string RowPrefix = "~sender|";

    /// <param name="sender">Any text: it enters the key as the first 16 hex digits of its SHA-256 (row keys refuse <c>/</c>, <c>#</c>, <c>?</c>).</param>
    public static string RowKeyOf(string fileName, string sender) =>
        $"{RowPrefix}{fileName}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sender)))[..16]}";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The stored file name under <c>uploads/{unit}/{period}/</c>.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The content the portal stored under that name (its SHA-256): the history entry it vouches for.</summary>
    public string SubmissionId { get; set; } = "";

    /// <summary>The signed-in person, as the portal writes it into the blob's <c>uploader</c> metadata.</summary>
    public string Sender { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    /// <summary>Whether <paramref name="entry"/>'s uploader is this record's person, for this very content under this name.</summary>
    public bool Vouches(SubmissionEntity entry) =>
        entry.RowKey == SubmissionId && entry.FileName == FileName && entry.Uploader == Sender;
}
