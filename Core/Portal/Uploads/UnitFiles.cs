using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Uploads;

/// <summary>
/// The files of a unit's quarter the portal lets its people download: originals (the archive, by content id), the
/// annotated copies and reports of uploads, and the verdicts of sheets the portal refused. Every name is checked
/// before it becomes a blob path: a route parameter never reaches storage as it came.
/// </summary>
public sealed class UnitFiles(BlobServiceClient blobs, StorageLayout layout)
{
    /// <summary>Most refused checks listed on a quarter's page (the newest).</summary>
    public const int MaxListedChecks = 20;

    public sealed record StoredFile(Stream Content, long Length, string FileName, string ContentType);

    /// <summary>A sheet the portal refused, as its quarter's page lists it.</summary>
    /// <param name="SentName">The name the person sent it under; null for a check kept before that was recorded (the page shows the stem and says so).</param>
    public sealed record RefusedCheck(string Stem, DateTimeOffset At, bool HasAnnotatedCopy, string? SentName, int Errors, int Warnings);

    /// <summary>A stored JSON report read back, with what its blob's metadata says of it.</summary>
    /// <param name="ContentId">The content it judged (<see cref="ValidationReportStore.ContentKey"/>); null on reports written before it was recorded.</param>
    public sealed record StoredReport(ValidationReport Report, string? ContentId, string? SentName);

    /// <summary>
    /// The most of a stored JSON report read back. A report is bounded by construction (codes × findings per code, each
    /// message short: <see cref="ValidationReport.MaxFindingsPerCode"/>); a blob larger than this is not one the app wrote.
    /// </summary>
    public const int MaxReportBytes = 4 * 1024 * 1024;

    public static bool IsContentId(string? id) => id is { Length: 64 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The original upload kept in the archive, under the file name it was uploaded with.</summary>
    public async Task<StoredFile?> OpenOriginalAsync(string unit, ReportingPeriod period, string submissionId, string fileName, CancellationToken ct)
    {
        if (!IsContentId(submissionId)) return null;
        var blob = blobs.GetBlobContainerClient(layout.Archive)
            .GetBlobClient(ArchiveStore.BlobName(new UploadPath(unit, period, fileName), submissionId));
        return await OpenAsync(blob, fileName, ct);
    }

    /// <summary>The annotated copy of an upload (<paramref name="refused"/>: of a sheet the portal refused).</summary>
    public async Task<StoredFile?> OpenAnnotatedAsync(string unit, ReportingPeriod period, string stem, bool refused, CancellationToken ct)
    {
        if (!UploadNames.IsStem(stem)) return null;
        var name = ValidationReportStore.AnnotatedBlobName(PathOf(unit, period, stem, refused));
        return await OpenAsync(blobs.GetBlobContainerClient(layout.Reports).GetBlobClient(name), $"{stem}.revisado.xlsx", ct);
    }

    /// <summary>The JSON report of an upload (<paramref name="refused"/>: of a sheet the portal refused).</summary>
    public async Task<StoredFile?> OpenReportAsync(string unit, ReportingPeriod period, string stem, bool refused, CancellationToken ct)
    {
        if (!UploadNames.IsStem(stem)) return null;
        var name = ValidationReportStore.JsonBlobName(PathOf(unit, period, stem, refused));
        return await OpenAsync(blobs.GetBlobContainerClient(layout.Reports).GetBlobClient(name), $"{stem}.validation.json", ct);
    }

    /// <summary>
    /// An upload's JSON report (<paramref name="refused"/>: of a sheet the portal refused), read back for its verdict page;
    /// null when there is none, or when the blob is not a report the app wrote (too large, not a report's JSON).
    /// </summary>
    public async Task<StoredReport?> ReadReportAsync(string unit, ReportingPeriod period, string stem, bool refused, CancellationToken ct)
    {
        if (!UploadNames.IsStem(stem)) return null;
        var blob = blobs.GetBlobContainerClient(layout.Reports).GetBlobClient(ValidationReportStore.JsonBlobName(PathOf(unit, period, stem, refused)));
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: ct);
            await using var content = download.Value.Content;
            if (download.Value.Details.ContentLength > MaxReportBytes) return null;
            var bytes = new byte[download.Value.Details.ContentLength];
            await content.ReadExactlyAsync(bytes, ct);
            var report = System.Text.Json.JsonSerializer.Deserialize<ValidationReport>(bytes, ValidationReport.JsonOptions);
            if (report is null) return null;
            var metadata = download.Value.Details.Metadata;
            var contentId = metadata.TryGetValue(ValidationReportStore.ContentKey, out var id) && IsContentId(id) ? id : null;
            return new StoredReport(report, contentId, SentNames.FromMetadata(metadata));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether an upload's annotated copy exists (the ingestion writes one only when there were findings).</summary>
    public async Task<bool> HasAnnotatedAsync(string unit, ReportingPeriod period, string stem, CancellationToken ct, bool refused = false) =>
        UploadNames.IsStem(stem) &&
        await blobs.GetBlobContainerClient(layout.Reports)
            .GetBlobClient(ValidationReportStore.AnnotatedBlobName(PathOf(unit, period, stem, refused))).ExistsAsync(ct);

    /// <summary>The newest sheets the portal refused for this unit and quarter (never submitted; their verdicts kept).</summary>
    public async Task<IReadOnlyList<RefusedCheck>> ListRefusedAsync(string unit, ReportingPeriod period, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(layout.Reports);
        var prefix = $"{unit}/{period}/{PortalUploads.RejectedFolder}/";
        var reports = new Dictionary<string, BlobItem>(StringComparer.Ordinal);
        var annotated = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, ct))
            {
                var name = item.Name[prefix.Length..];
                if (name.EndsWith(".validation.json", StringComparison.Ordinal))
                    reports[name[..^".validation.json".Length]] = item;
                else if (name.EndsWith(".annotated.xlsx", StringComparison.Ordinal))
                    annotated.Add(name[..^".annotated.xlsx".Length]);
                if (reports.Count >= 500) break;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        var listed = reports
            .Where(r => UploadNames.IsStem(r.Key))
            .OrderByDescending(r => r.Key, StringComparer.Ordinal)
            .Take(MaxListedChecks)
            .ToList();
        return await Task.WhenAll(listed.Select(r => RefusedAsync(unit, period, r.Key, r.Value, annotated.Contains(r.Key), ct)));
    }

    /// <summary>
    /// One refused sheet: its counts and sent name from its report's metadata; a report kept before they were recorded
    /// is read for its counts (at most <see cref="MaxListedChecks"/> of them, each bounded).
    /// </summary>
    private async Task<RefusedCheck> RefusedAsync(string unit, ReportingPeriod period, string stem, BlobItem item, bool hasAnnotated, CancellationToken ct)
    {
        // Dated by the app's clock, stamped in the name; storage's own time only for a name without a stamp.
        var at = UploadNames.StampOf(stem) ?? item.Properties.LastModified ?? DateTimeOffset.MinValue;
        var metadata = item.Metadata;
        if (Count(metadata, ValidationReportStore.ErrorsKey) is { } errors && Count(metadata, ValidationReportStore.WarningsKey) is { } warnings)
            return new RefusedCheck(stem, at, hasAnnotated, SentNames.FromMetadata(metadata), errors, warnings);
        var stored = await ReadReportAsync(unit, period, stem, refused: true, ct);
        return new RefusedCheck(stem, at, hasAnnotated, stored?.SentName, stored?.Report.Errors.Count ?? 0, stored?.Report.Warnings.Count ?? 0);
    }

    private static int? Count(IDictionary<string, string>? metadata, string key) =>
        metadata is not null && metadata.TryGetValue(key, out var value)
        && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count
            : null;

    /// <summary>The stem of an upload's file name (its reports are kept under it).</summary>
    public static string StemOf(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;

    private static UploadPath PathOf(string unit, ReportingPeriod period, string stem, bool refused) =>
        new(unit, period, refused ? $"{PortalUploads.RejectedFolder}/{stem}.xlsx" : $"{stem}.xlsx");

    private static async Task<StoredFile?> OpenAsync(BlobClient blob, string fileName, CancellationToken ct)
    {
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: ct);
            var type = download.Value.Details.ContentType is { Length: > 0 } t ? t : "application/octet-stream";
            return new StoredFile(download.Value.Content, download.Value.Details.ContentLength, fileName, type);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
