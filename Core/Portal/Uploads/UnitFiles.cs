using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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

    public sealed record RefusedCheck(string Stem, DateTimeOffset At, bool HasAnnotatedCopy);

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

    /// <summary>Whether an upload's annotated copy exists (the ingestion writes one only when there were findings).</summary>
    public async Task<bool> HasAnnotatedAsync(string unit, ReportingPeriod period, string stem, CancellationToken ct) =>
        UploadNames.IsStem(stem) &&
        await blobs.GetBlobContainerClient(layout.Reports)
            .GetBlobClient(ValidationReportStore.AnnotatedBlobName(PathOf(unit, period, stem, refused: false))).ExistsAsync(ct);

    /// <summary>The newest sheets the portal refused for this unit and quarter (never submitted; their verdicts kept).</summary>
    public async Task<IReadOnlyList<RefusedCheck>> ListRefusedAsync(string unit, ReportingPeriod period, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(layout.Reports);
        var prefix = $"{unit}/{period}/{PortalUploads.RejectedFolder}/";
        var reports = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var annotated = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            {
                var name = item.Name[prefix.Length..];
                if (name.EndsWith(".validation.json", StringComparison.Ordinal))
                    reports[name[..^".validation.json".Length]] = item.Properties.LastModified ?? DateTimeOffset.MinValue;
                else if (name.EndsWith(".annotated.xlsx", StringComparison.Ordinal))
                    annotated.Add(name[..^".annotated.xlsx".Length]);
                if (reports.Count >= 500) break;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return reports
            .Where(r => UploadNames.IsStem(r.Key))
            .OrderByDescending(r => r.Key, StringComparer.Ordinal)
            .Take(MaxListedChecks)
            // Dated by the app's clock, stamped in the name; storage's own time only for a name without a stamp.
            .Select(r => new RefusedCheck(r.Key, UploadNames.StampOf(r.Key) ?? r.Value, annotated.Contains(r.Key)))
            .ToList();
    }

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
