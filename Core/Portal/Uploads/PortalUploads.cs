using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Uploads;

/// <summary>
/// A focal point's upload through the portal: checked at once with <see cref="UploadValidator"/> (the guard, the
/// reader and the rules, as <c>POST /api/validate</c> and the trigger run them), the verdict and its annotated copy
/// kept so they can be downloaded, and an accepted sheet put where a country's upload goes
/// (<c>uploads/{unit}/{period}/{file}</c>, with the signed-in person as <c>uploader</c>), from where the blob trigger
/// ingests it as any other upload. A rejected sheet never reaches <c>uploads/</c>: its verdict is kept under
/// <c>reports/{unit}/{period}/portal-rejected/</c>, so the person can still fetch it, and its original is archived as
/// the trigger archives a rejected upload (<see cref="ArchiveStore"/>, content-addressed), so every file a unit sent is
/// kept whichever way it came.
/// </summary>
public sealed class PortalUploads(
    UploadValidator validator,
    SubmissionNotifier notifier,
    ValidationReportStore reports,
    ArchiveStore archive,
    SubmissionStore submissions,
    ProgressStore progress,
    BlobServiceClient blobs,
    StorageLayout layout,
    TimeProvider time,
    ILogger<PortalUploads> logger)
{
    /// <summary>Folder (under the unit and period) of the verdicts of sheets the portal refused.</summary>
    public const string RejectedFolder = "portal-rejected";

    private volatile bool _uploadsCreated;

    /// <param name="upload">The file's bytes, already read within the size limit (<see cref="UploadValidator.ReadAsync"/>).</param>
    /// <param name="language">The person's language: the verdict's messages are in it.</param>
    public async Task<PortalUploadResult> CheckAndSubmitAsync(ReportingUnit unit, ReportingPeriod period, UploadBuffer upload,
        string? originalName, string uploader, Language language, CancellationToken ct)
    {
        var contentId = Convert.ToHexStringLower(SHA256.HashData(upload.Buffer.AsSpan(0, upload.Length)));
        var storedName = UploadNames.For(originalName, time.GetUtcNow(), contentId);
        var stem = storedName[..^".xlsx".Length];
        var expectation = new UploadExpectation(unit.Code, period, language, storedName);
        var pointerRead = submissions.GetPointerAsync(TableKeys.Partition(period, unit.Code), ct);
        var check = await validator.CheckAsync(upload, expectation, PreviousAsync, ct);
        // As the trigger does before writing its report: say when the sheet's e-mail is not who the result mail reaches.
        check = notifier.Review(check, new UploadPath(unit.Code, period, storedName));
        var report = check.Report;
        if (upload.TooLarge)
        {
            logger.LogWarning("Portal upload for {Unit} {Period} by {Uploader} refused: {Bytes} bytes is over the size limit", unit.Code, period, uploader, upload.BytesRead);
            return new PortalUploadResult(report, null, null, false, false, TooLarge: true);
        }

        // As the trigger does: the annotated copy first; when it cannot be made, the report says why.
        var annotation = Annotate(check);
        if (annotation?.Skipped is { } skipped) check = check.WithWarning(skipped);
        report = check.Report;
        var annotated = annotation?.Content;
        var accepted = report.Accepted;
        var kept = new UploadPath(unit.Code, period, accepted ? storedName : $"{RejectedFolder}/{storedName}");
        var submissionId = check.Package.Sha256;
        // An accepted sheet is archived by the trigger that ingests it; a refused one only here.
        var archiving = !accepted && submissionId is not null && check.Package.Content.Length > 0
            ? archive.KeepAsync(new UploadPath(unit.Code, period, storedName), submissionId, check.Package.Content, time.GetUtcNow(), uploader, ct)
            : Task.FromResult<string?>(null);
        await reports.WriteAsync(kept, report, annotated, ct, submissionId, originalName);
        await archiving;
        var pointer = await pointerRead;
        if (!accepted)
        {
            logger.LogInformation("Portal upload {Blob} for {Unit} {Period} by {Uploader} rejected with {Errors} errors; not submitted",
                storedName, unit.Code, period, uploader, report.Errors.Count);
            return new PortalUploadResult(report, stem, submissionId, false, annotated is not null, false);
        }

        // Who sent it, as the portal knows it: the blob's metadata is what any writer types.
        await submissions.RecordPortalSenderAsync(new UploadPath(unit.Code, period, storedName), contentId, uploader, time.GetUtcNow(), ct);
        if (!await UploadAsync(new UploadPath(unit.Code, period, storedName), check.Package.Content, uploader, originalName, ct))
            return new PortalUploadResult(report, stem, submissionId, false, annotated is not null, false, NameTaken: true);
        logger.LogInformation("Portal upload {Blob} for {Unit} {Period} by {Uploader} accepted with {Warnings} warnings; submitted for ingestion",
            storedName, unit.Code, period, uploader, report.Warnings.Count);
        return new PortalUploadResult(report, stem, submissionId, pointer?.SubmissionId == submissionId, annotated is not null, false);
    }

    /// <summary>The unit's previous accepted quarter, for the "lower than before" warning (as the trigger reads it).</summary>
    private async Task<PreviousProgress?> PreviousAsync(ReportingUnit unit, ReportingPeriod period, CancellationToken ct)
    {
        var rows = await progress.ReadCurrentAsync(submissions, unit.Code, period, ct);
        return rows.Count == 0
            ? null
            : new PreviousProgress(period, rows.Where(r => r.Ejecutado is not null).ToDictionary(r => r.Activity, r => (decimal)r.Ejecutado!.Value));
    }

    private static AnnotatedCopy? Annotate(UploadCheck check)
    {
        if (!check.Package.Ok || (check.Report.Errors.Count == 0 && check.Report.Warnings.Count == 0)) return null;
        using var original = check.Package.OpenRead();
        return AnnotatedCopyWriter.Write(original, check.Report);
    }

    /// <summary>
    /// Writes the sheet under its name unless the name is taken. True when this content is stored there: written now, or
    /// already there (the same sheet sent twice in the same second: its twin is on its way to ingestion). False when the
    /// name holds other bytes: nothing written, and the caller must not say the sheet was sent.
    /// </summary>
    private async Task<bool> UploadAsync(UploadPath path, ReadOnlyMemory<byte> content, string uploader, string? sentName, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(layout.Uploads);
        if (!_uploadsCreated)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            _uploadsCreated = true;
        }

        var blob = container.GetBlobClient(path.BlobName);
        try
        {
            await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = Metadata(uploader, sentName),
                HttpHeaders = new BlobHttpHeaders { ContentType = Xlsx.ContentType },
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The name carries the content's tag, so what is there is almost surely this sheet's twin; its bytes say so.
            if (await HoldsAsync(blob, content, ct))
            {
                logger.LogInformation("Portal upload {Blob} already exists with the same content; not written again", path.BlobName);
                return true;
            }

            logger.LogWarning("Portal upload {Blob} refused: the name already holds other content", path.BlobName);
            return false;
        }
    }

    /// <summary>The upload's metadata: who sent it and the name they sent it under (the ingestion records both).</summary>
    private static Dictionary<string, string> Metadata(string uploader, string? sentName)
    {
        var metadata = new Dictionary<string, string> { ["uploader"] = Uri.EscapeDataString(uploader) };
        if (SentNames.ToMetadata(sentName) is { } sent) metadata[SentNames.MetadataKey] = sent;
        return metadata;
    }

    /// <summary>Whether <paramref name="blob"/> holds exactly <paramref name="content"/> (read no further than one byte past its length).</summary>
    private static async Task<bool> HoldsAsync(BlobClient blob, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: ct);
            await using var stream = download.Value.Content;
            if (download.Value.Details.ContentLength != content.Length) return false;
            var stored = new byte[content.Length];
            await stream.ReadExactlyAsync(stored, ct);
            return content.Span.SequenceEqual(stored);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
