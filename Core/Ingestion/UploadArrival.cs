using System.Globalization;
using Azure.Storage.Blobs.Models;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// When an upload arrived, to the finest resolution the platform gives: the blob's version id, which Azure Storage sets
/// to the instant of the write (<c>2021-10-25T05:41:32.5526810Z</c>, 100 ns) when versioning is on, as
/// <c>infra/</c> deploys it; otherwise Last-Modified, which HTTP carries to the second. Read from the same GET that
/// delivers the content, so the time is that of the version ingested. Why not the Event Grid event's time: the host
/// turns the event into a queue message of container, name and ETag, and the worker never sees <c>eventTime</c>
/// (docs/ingestion.md, "Order of arrival").
/// </summary>
public static class UploadArrival
{
    private static readonly string[] VersionIdFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    public static DateTimeOffset Of(BlobDownloadDetails download) => Of(download.VersionId, download.LastModified);

    /// <param name="versionId">The <c>x-ms-version-id</c> of the version read; null or empty without versioning.</param>
    public static DateTimeOffset Of(string? versionId, DateTimeOffset lastModified) =>
        DateTimeOffset.TryParseExact(versionId, VersionIdFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var written)
            ? written
            : lastModified;
}
