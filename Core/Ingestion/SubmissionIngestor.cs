using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// Ingests one upload exactly once in effect: validate, keep the original, write the rows under the submission's id,
/// then flip the unit-and-period's current pointer. Every step is idempotent, so a redelivered trigger or a retry
/// after a failure converges. Validation failures are results (the host must not retry them); storage failures throw.
/// </summary>
public sealed class SubmissionIngestor(
    UploadValidator validator,
    ArchiveStore archive,
    ProgressStore progress,
    SubmissionStore submissions,
    ValidationReportStore reports,
    SubmissionNotifier notifier,
    TimeProvider time,
    ILogger<SubmissionIngestor> logger)
{
    /// <param name="blob">The upload, named relative to the uploads container (<c>GT/2021-Q3/informe.xlsx</c>).</param>
    public async Task<IngestionResult> IngestAsync(BlobClient blob, CancellationToken ct)
    {
        if (!UploadPath.TryParse(blob.Name, out var upload))
        {
            logger.LogWarning("Ignoring upload {Blob}: not at uploads/{{unit}}/{{period}}/{{file}}", blob.Name);
            var report = ValidationReport.From([IngestionIssues.UploadPathInvalid.Create(Language.Es, blob.Name)]) with { File = blob.Name };
            return new IngestionResult(IngestionOutcome.Rejected, report, null, 0, null, null);
        }

        // One GET gives the version's properties and its content: the version we read is the version we record. If the
        // blob is overwritten meanwhile, its own trigger handles the new content.
        BlobDownloadStreamingResult download = await blob.DownloadStreamingAsync(cancellationToken: ct);
        var properties = download.Details;
        var uploader = properties.Metadata.TryGetValue("uploader", out var who) ? Uri.UnescapeDataString(who) : null;
        var expectation = new UploadExpectation(upload.Unit, upload.Period, FileName: upload.FileName);

        UploadCheck check;
        // The guard reads at most the size limit from the response stream, whatever the blob's size.
        await using (var content = download.Content)
            check = await validator.CheckAsync(content, expectation, PreviousAsync, ct);

        var package = check.Package;
        var submissionId = package.Sha256 ?? $"unread-{properties.ETag.ToString().Trim('"')}";
        var partition = TableKeys.Partition(upload.Period, upload.Unit);
        // Independent requests, issued together: archiving the original and reading this content's history.
        Task<string?> archiving = package.Content.Length > 0
            ? KeepAsync(upload, submissionId, package.Content, properties.LastModified, uploader, ct)
            : Task.FromResult<string?>(null);
        var history = submissions.GetAsync(partition, submissionId, ct);
        await Task.WhenAll(archiving, history);
        var archived = await archiving;
        var existing = await history;
        if (existing?.StatusValue == SubmissionStatus.Current)
        {
            logger.LogInformation("Upload {Blob} repeats current submission {SubmissionId}: nothing to merge", blob.Name, submissionId);
            await notifier.NotifyOnceAsync(existing, check, upload, ct);
            return new IngestionResult(IngestionOutcome.Duplicate, check.Report, submissionId, existing.RowCount, archived, existing.ReportBlob);
        }

        var annotated = AnnotationFor(check);
        var reportBlob = await reports.WriteAsync(upload, check.Report, annotated, ct);
        var entity = NewEntity(upload, partition, submissionId, blob, properties, uploader, check, archived, reportBlob);
        // A redelivery rewrites the history entry whole: keep the record that the focal point was already told.
        entity.NotifiedAt = existing?.NotifiedAt;

        if (!check.Report.Accepted)
        {
            entity.Status = nameof(SubmissionStatus.Rejected);
            await submissions.UpsertAsync(entity, ct);
            logger.LogInformation("Rejected {Blob} for {Unit} {Period} with {Errors} errors", blob.Name, upload.Unit, upload.Period, check.Report.Errors.Count);
            await notifier.NotifyOnceAsync(entity, check, upload, ct, annotated);
            return new IngestionResult(IngestionOutcome.Rejected, check.Report, submissionId, 0, archived, reportBlob);
        }

        var rows = check.Validation.Activities.Select(a => ToEntity(a, upload)).ToList();
        if (existing is null) await submissions.UpsertAsync(entity, ct); // history first: a crash below leaves a visible Pending
        await progress.WriteAsync(partition, submissionId, rows, ct);
        var promotion = await submissions.PromoteAsync(entity, ct);

        var outcome = promotion.Outcome switch
        {
            PromotionOutcome.BecameCurrent => IngestionOutcome.Accepted,
            PromotionOutcome.AlreadyCurrent => IngestionOutcome.Duplicate,
            _ => IngestionOutcome.Superseded,
        };
        logger.LogInformation("Merged {Rows} rows from {Blob} for {Unit} {Period}: {Outcome} with {Warnings} warnings",
            rows.Count, blob.Name, upload.Unit, upload.Period, outcome, check.Report.Warnings.Count);
        await notifier.NotifyOnceAsync(entity, check, upload, ct, annotated);
        return new IngestionResult(outcome, check.Report, submissionId, rows.Count, archived, reportBlob);
    }

    private async Task<string?> KeepAsync(UploadPath upload, string id, ReadOnlyMemory<byte> content, DateTimeOffset at, string? uploader, CancellationToken ct) =>
        await archive.KeepAsync(upload, id, content, at, uploader, ct);

    private async Task<PreviousProgress?> PreviousAsync(ReportingUnit unit, ReportingPeriod period, CancellationToken ct)
    {
        var rows = await progress.ReadCurrentAsync(submissions, unit.Code, period, ct);
        var values = rows.Where(r => r.Ejecutado is not null).ToDictionary(r => r.Activity, r => (decimal)r.Ejecutado!.Value);
        return rows.Count == 0 ? null : new PreviousProgress(period, values);
    }

    private static byte[]? AnnotationFor(UploadCheck check)
    {
        var report = check.Report;
        if (!check.Package.Ok || (report.Errors.Count == 0 && report.Warnings.Count == 0)) return null;
        using var original = check.Package.OpenRead();
        return AnnotatedCopyWriter.Write(original, report);
    }

    private SubmissionEntity NewEntity(UploadPath upload, string partition, string submissionId, BlobClient blob,
        BlobDownloadDetails properties, string? uploader, UploadCheck check, string? archived, string reportBlob)
    {
        var report = check.Report;
        return new SubmissionEntity
        {
            PartitionKey = partition,
            RowKey = submissionId,
            Unit = upload.Unit,
            Period = upload.Period.ToString(),
            FileName = upload.FileName,
            UploadBlob = $"{blob.BlobContainerName}/{blob.Name}",
            ArchiveBlob = archived ?? "",
            ReportBlob = reportBlob,
            ContentHash = check.Package.Sha256 ?? "",
            SizeBytes = properties.ContentLength,
            UploadedAt = properties.LastModified,
            Uploader = uploader,
            ProcessedAt = time.GetUtcNow(),
            RowCount = check.Validation.Activities.Count,
            ErrorCount = report.Errors.Count,
            WarningCount = report.Warnings.Count,
            IssuesJson = IssuesJson(report.Accepted ? report.Warnings : report.Errors),
            FocalPointName = check.Validation.FocalName,
            FocalPointEmail = check.Validation.FocalEmail,
            Language = report.Language,
        };
    }

    /// <summary>Table Storage strings hold 32K UTF-16 characters: keep the first issues that fit; the blob has them all.</summary>
    private static string IssuesJson(IReadOnlyList<ValidationIssue> issues)
    {
        for (var take = issues.Count; take > 0; take /= 2)
        {
            var json = JsonSerializer.Serialize(issues.Take(take), ValidationReport.JsonOptions);
            if (json.Length <= 30_000) return json;
        }
        return "[]";
    }

    private static ProgressRow ToEntity(ReportedActivity a, UploadPath upload) => new()
    {
        Unit = upload.Unit,
        Period = upload.Period.ToString(),
        Year = upload.Period.Year,
        Activity = a.Code,
        Programado = (double?)a.Programado,
        Ejecutado = (double?)a.Ejecutado,
        Status = a.Status?.ToString(),
        Quantity = (double?)a.Quantity,
        Observaciones = a.Observaciones,
        Evidencia = a.Evidencia,
    };
}
