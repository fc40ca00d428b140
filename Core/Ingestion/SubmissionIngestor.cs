using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Core.Telemetry;

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
    ArrivalLog arrivalLog,
    ValidationReportStore reports,
    SubmissionNotifier notifier,
    ArrivalClock arrivals,
    TimeProvider time,
    PlanTelemetry telemetry,
    ILogger<SubmissionIngestor> logger)
{
    /// <summary>
    /// What the trigger runs: <see cref="MergeAsync"/>, then <see cref="NotifyAsync"/>. A result mail another run has
    /// claimed and not finished is an outcome, not a fault: the result says <see cref="IngestionResult.MailPending"/>
    /// (<c>retry later</c>) and a warning names when the claim lapses; whoever comes after it sends the mail.
    /// </summary>
    /// <param name="blob">The upload, named relative to the uploads container (<c>GT/2021-Q3/informe.xlsx</c>).</param>
    public async Task<IngestionResult> IngestAsync(BlobClient blob, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (unit, period) = UploadPath.TryParse(blob.Name, out var path) ? (path.Unit, path.Period.ToString()) : ("", "");
        using var trace = PlanTelemetry.Source.StartActivity(PlanTelemetry.Spans.Ingest);
        trace?.SetTag("unit", unit).SetTag("period", period);
        try
        {
            var result = await MergeAndNotifyAsync(blob, ct);
            var outcome = OutcomeOf(result);
            trace?.SetTag("outcome", outcome);
            telemetry.Upload(outcome, unit, period, result.Report.Accepted ? [] : result.Report.Errors.Select(e => e.Code),
                Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The host retries a thrown delivery; five in a row make a poison message. The alert counts these.
            trace?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            telemetry.IngestionFailed(ex.GetType().Name, unit, period);
            throw;
        }
    }

    private async Task<IngestionResult> MergeAndNotifyAsync(BlobClient blob, CancellationToken ct)
    {
        var merged = await MergeAsync(blob, ct);
        try
        {
            await NotifyAsync(merged, ct);
        }
        catch (MailClaimHeldException held) when (merged.Notice is { } notice)
        {
            logger.LogWarning("Result mail {MessageKey} of {Blob} for {Unit} {Period} is claimed by another run until {LapsesAt:O}: {MailOutcome}",
                held.MessageKey, blob.Name, notice.Upload.Unit, notice.Upload.Period, held.LeaseEnds, ResultMailPending.OutcomeName);
            telemetry.RetryLater("result", notice.Upload.Unit, notice.Upload.Period.ToString());
            return merged.Result with { MailPending = new ResultMailPending(held.MessageKey, held.LeaseEnds) };
        }
        return merged.Result;
    }

    /// <summary>The <c>outcome</c> tag of the upload's measurements (<see cref="PlanTelemetry.UploadOutcomes"/>).</summary>
    private static string OutcomeOf(IngestionResult result) => result.Outcome switch
    {
        IngestionOutcome.Rejected when result.Report.Errors.Any(e => e.Code == IngestionIssues.PeriodLocked.Code) => PlanTelemetry.UploadOutcomes.Locked,
        IngestionOutcome.Rejected => PlanTelemetry.UploadOutcomes.Rejected,
        IngestionOutcome.Duplicate => PlanTelemetry.UploadOutcomes.Duplicate,
        IngestionOutcome.Superseded => PlanTelemetry.UploadOutcomes.Superseded,
        _ => PlanTelemetry.UploadOutcomes.Accepted,
    };

    /// <summary>Tells the unit's registered contacts the verdict, once (<see cref="SubmissionNotifier"/>); a no-op when nobody is to be told.</summary>
    public async Task NotifyAsync(MergedUpload merged, CancellationToken ct)
    {
        if (merged.Notice is not { } n) return;
        await Traced(PlanTelemetry.Spans.VerdictMail, async () =>
        {
            await notifier.NotifyOnceAsync(n.Submission, n.Check, n.Upload, ct, n.Annotated);
            return true;
        });
    }

    /// <summary>
    /// Validates the upload and merges it: everything up to and including the commit, but not the mail. Five phases,
    /// each starting what the next needs as early as it can: locate (path-only reads start), download and guard (the
    /// archive write starts), validate, stage the writes (rows, report and history together), commit.
    /// </summary>
    public async Task<MergedUpload> MergeAsync(BlobClient blob, CancellationToken ct)
    {
        if (!UploadPath.TryParse(blob.Name, out var upload))
        {
            logger.LogWarning("Ignoring upload {Blob}: not at uploads/{{unit}}/{{period}}/{{file}}", blob.Name);
            var report = ValidationReport.From([IngestionIssues.UploadPathInvalid.Create(Language.Es, blob.Name)]) with { File = blob.Name };
            return new MergedUpload(new IngestionResult(IngestionOutcome.Rejected, report, null, 0, null, null), null);
        }

        var located = Locate(upload, ct);
        var downloaded = await Traced(PlanTelemetry.Spans.Arrival, () => DownloadAndGuardAsync(blob, located, ct));
        var validated = await Traced(PlanTelemetry.Spans.Validate, () => ValidateAsync(blob, located, downloaded, ct));
        return await Traced(PlanTelemetry.Spans.Merge, async () =>
        {
            var staged = await StageWritesAsync(located, downloaded, validated, ct);
            return await CommitAsync(blob, located, validated, staged, ct);
        });
    }

    /// <summary>One step of the upload's trace (a child of <see cref="PlanTelemetry.Spans.Ingest"/>); a step that throws is marked failed.</summary>
    private static async Task<T> Traced<T>(string span, Func<Task<T>> step)
    {
        using var activity = PlanTelemetry.Source.StartActivity(span);
        try
        {
            return await step();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// Reads that depend only on the path go out before the download: the pointer this upload may replace and the
    /// unit's previous quarter (for the "lower than before" warning). Neither needs the content.
    /// </summary>
    private Located Locate(UploadPath upload, CancellationToken ct)
    {
        var partition = TableKeys.Partition(upload.Period, upload.Unit);
        var pointerRead = Observed(submissions.GetPointerAsync(partition, ct));
        var previousRead = upload.Period.Quarter > 1 ? Observed(PreviousAsync(upload.Unit, upload.Period.Previous, ct)) : null;
        return new Located(upload, partition, pointerRead, previousRead);
    }

    /// <summary>
    /// One GET gives the version's properties and its content (the version read is the version recorded; if the blob is
    /// overwritten meanwhile, its own trigger handles the new content). The guard reads at most the size limit from the
    /// response stream, and nothing when the blob says it is larger. The original is kept whatever the verdict, so its
    /// archive write starts here, while the sheet is read.
    /// </summary>
    private async Task<Downloaded> DownloadAndGuardAsync(BlobClient blob, Located located, CancellationToken ct)
    {
        var upload = located.Upload;
        BlobDownloadStreamingResult download = await blob.DownloadStreamingAsync(cancellationToken: ct);
        var properties = download.Details;
        // The uploader sets this metadata: bounded before it is recorded anywhere.
        var uploader = properties.Metadata.TryGetValue("uploader", out var who) ? TableText.Bound(Uri.UnescapeDataString(who), TableText.MaxUploaderChars) : null;
        // The name the person sent: the portal's record of it, or the blob's own name (a script or the CLI sent that).
        var sentName = SentNames.FromMetadata(properties.Metadata) ?? SentNames.Clean(upload.FileName);
        // The period lock is judged at the arrival, not now: a redelivery of a sheet that arrived before the lock is accepted.
        var expectation = new UploadExpectation(upload.Unit, upload.Period, FileName: upload.FileName) { ArrivedAt = arrivals.Of(properties) };

        PackageInspection package;
        await using (var content = download.Content)
            package = await validator.InspectAsync(content, expectation, properties.ContentLength, ct);

        var submissionId = package.Sha256 ?? $"unread-{properties.ETag.ToString().Trim('"')}";
        var archiving = package.Content.Length > 0
            ? Observed(archive.KeepAsync(upload, submissionId, package.Content, properties.LastModified, uploader, ct))
            : Task.FromResult<string?>(null);
        return new Downloaded(properties, uploader, sentName, expectation, package, submissionId, archiving);
    }

    /// <summary>
    /// The sheet's verdict, reviewed against who will be told, and its annotated copy; then the pointer read started in
    /// <see cref="Locate"/> says whether this content is already current.
    /// </summary>
    private async Task<Validated> ValidateAsync(BlobClient blob, Located located, Downloaded downloaded, CancellationToken ct)
    {
        var upload = located.Upload;
        var check = await validator.CheckAsync(downloaded.Package, downloaded.Expectation, (unit, period, token) =>
            located.PreviousRead is not null && period == upload.Period.Previous && string.Equals(unit.Code, upload.Unit, StringComparison.OrdinalIgnoreCase)
                ? located.PreviousRead
                : PreviousAsync(unit.Code, period, token), ct);
        // Before anything is written: the report says when the sheet's e-mail is not who will be told.
        check = notifier.Review(check, upload);

        var pointer = await located.PointerRead;
        // The current content arriving again after the quarter locked is a refused upload like any other, not a repeat.
        var isCurrent = pointer?.SubmissionId == downloaded.SubmissionId && !IsLocked(check);
        // The annotated copy comes first: when it cannot be made, the report says why (a warning) everywhere it goes.
        var annotation = isCurrent ? null : AnnotationFor(check);
        if (annotation?.Skipped is { } skipped) check = check.WithWarning(skipped);
        var accepted = check.Report.Accepted;
        var rows = accepted ? check.Validation.Activities.Select(a => ToRow(a, upload)).ToList() : [];
        return new Validated(check, pointer, isCurrent, annotation?.Content, rows, NewEntity(blob, located, downloaded, check));
    }

    /// <summary>
    /// Independent until the commit, so they go out together: the verdict for the country, this content's history and,
    /// for an accepted sheet, its rows (invisible until the pointer flips), with the archive write already under way;
    /// a first delivery's history lookup is the insertion of its pending entry. The current content's rows and report
    /// are already there. The rows, the biggest request, go first.
    /// </summary>
    private async Task<Staged> StageWritesAsync(Located located, Downloaded downloaded, Validated validated, CancellationToken ct)
    {
        var (upload, partition) = (located.Upload, located.Partition);
        var (check, entity) = (validated.Check, validated.Entity);
        var merging = check.Report.Accepted && !validated.IsCurrent;
        var writing = merging ? progress.WriteAsync(partition, downloaded.SubmissionId, validated.Rows, ct) : Task.CompletedTask;
        var reporting = validated.IsCurrent ? Task.FromResult(entity.ReportBlob) : reports.WriteAsync(upload, check.Report, validated.Annotated, ct, check.Package.Sha256, downloaded.SentName);
        // The pending entry is an object of its own: `entity` is changed below while this insert may still be in flight.
        var history = merging
            ? submissions.AddPendingOrGetAsync(entity.Copy(), ct)
            : submissions.GetAsync(partition, downloaded.SubmissionId, ct);
        // Every arrival and its verdict, before anything folds earlier arrivals into the entry: the record as of any date.
        var logging = arrivalLog.RecordAsync(ArrivalEntity.Of(entity, check.Report.Accepted, check.Report.Errors.Select(e => e.Code)), ct);
        await Task.WhenAll(downloaded.Archiving, history, reporting, writing, logging);

        var archived = await downloaded.Archiving;
        var existing = await history;
        entity.ArchiveBlob = archived ?? "";
        entity.ReportBlob = await reporting;
        // Lets the notifier skip its claim when a redelivery finds the unit already told (history writes never carry it).
        entity.NotifiedAt = existing?.NotifiedAt;
        entity.NotifiedVerdict = existing?.NotifiedVerdict;
        // The same content uploaded again keeps its first upload time; this arrival is recorded beside it. A content
        // rejected before (the quarter was locked, or not open yet) starts its accepted arrivals with this one.
        if (!(check.Report.Accepted && existing?.StatusValue == SubmissionStatus.Rejected)) entity.AddArrivals(existing);
        return new Staged(archived, existing);
    }

    /// <summary>
    /// A repeat of the current content changes nothing; a rejected sheet records its verdict; an accepted one flips the
    /// pointer (<c>SubmissionStore.PromoteAsync</c>), or ends superseded by a later arrival already current.
    /// </summary>
    private async Task<MergedUpload> CommitAsync(BlobClient blob, Located located, Validated validated, Staged staged, CancellationToken ct)
    {
        var (upload, check, entity, existing) = (located.Upload, validated.Check, validated.Entity, staged.Existing);
        var accepted = check.Report.Accepted;
        // The current content uploaded again later is a new arrival: it goes through the promotion, which moves the
        // pointer's time to it (the rows are already there), so an upload that arrived in between ends superseded.
        var arrivedAgain = accepted && existing is not null && entity.LatestArrival > existing.LatestArrival;

        if ((validated.IsCurrent || (existing?.StatusValue == SubmissionStatus.Current && !IsLocked(check))) && !arrivedAgain)
        {
            var current = existing ?? entity;
            logger.LogInformation("Upload {Blob} repeats current submission {SubmissionId}: nothing to merge", blob.Name, entity.RowKey);
            // Told once: a repeat whose first delivery's mail went out has nothing to tell.
            return new MergedUpload(new IngestionResult(IngestionOutcome.Duplicate, check.Report, entity.RowKey, current.RowCount, staged.Archived, current.ReportBlob),
                current.NotifiedAt is null ? new ResultNotice(current, check, upload, null) : null);
        }

        if (!accepted && existing is { StatusValue: not SubmissionStatus.Rejected })
        {
            // A content accepted before and refused on this arrival (the quarter locked since): its entry — its status,
            // its accepted arrivals — stays as it is; the arrival log and the report say what happened to this one.
            logger.LogInformation("Rejected {Blob} for {Unit} {Period} with {Errors} errors; its content stays {Status} from its earlier arrival",
                blob.Name, upload.Unit, upload.Period, check.Report.Errors.Count, existing.Status);
            return new MergedUpload(new IngestionResult(IngestionOutcome.Rejected, check.Report, entity.RowKey, 0, staged.Archived, entity.ReportBlob),
                new ResultNotice(existing, check, upload, validated.Annotated));
        }

        if (!accepted)
        {
            entity.Status = nameof(SubmissionStatus.Rejected);
            await submissions.UpsertAsync(entity, ct);
            logger.LogInformation("Rejected {Blob} for {Unit} {Period} with {Errors} errors", blob.Name, upload.Unit, upload.Period, check.Report.Errors.Count);
            return new MergedUpload(new IngestionResult(IngestionOutcome.Rejected, check.Report, entity.RowKey, 0, staged.Archived, entity.ReportBlob),
                new ResultNotice(entity, check, upload, validated.Annotated));
        }

        var promotion = await submissions.PromoteAsync(entity, validated.Pointer, ct);
        var outcome = promotion.Outcome switch
        {
            PromotionOutcome.BecameCurrent => IngestionOutcome.Accepted,
            PromotionOutcome.AlreadyCurrent => IngestionOutcome.Duplicate,
            _ => IngestionOutcome.Superseded,
        };
        logger.LogInformation("Merged {Rows} rows from {Blob} for {Unit} {Period}: {Outcome} with {Warnings} warnings",
            validated.Rows.Count, blob.Name, upload.Unit, upload.Period, outcome, check.Report.Warnings.Count);
        return new MergedUpload(new IngestionResult(outcome, check.Report, entity.RowKey, validated.Rows.Count, staged.Archived, entity.ReportBlob),
            new ResultNotice(entity, check, upload, validated.Annotated));
    }

    /// <summary>
    /// A read started ahead of need may end up unused (the upload is rejected first): observe its failure so it is
    /// never reported as unobserved; whoever awaits it still sees the exception.
    /// </summary>
    private static Task<T> Observed<T>(Task<T> task)
    {
        _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private static bool IsLocked(UploadCheck check) => check.Report.Errors.Any(e => e.Code == IngestionIssues.PeriodLocked.Code);

    private async Task<PreviousProgress?> PreviousAsync(string unit, ReportingPeriod period, CancellationToken ct)
    {
        var rows = await progress.ReadCurrentAsync(submissions, unit, period, ct);
        var values = rows.Where(r => r.Ejecutado is not null).ToDictionary(r => r.Activity, r => (decimal)r.Ejecutado!.Value);
        return rows.Count == 0 ? null : new PreviousProgress(period, values);
    }

    private static AnnotatedCopy? AnnotationFor(UploadCheck check)
    {
        var report = check.Report;
        if (!check.Package.Ok || (report.Errors.Count == 0 && report.Warnings.Count == 0)) return null;
        // Refused only for its quarter's lock: no cell of it to show.
        if (report.Warnings.Count == 0 && report.Errors.All(e => e.Code == IngestionIssues.PeriodLocked.Code)) return null;
        using var original = check.Package.OpenRead();
        return AnnotatedCopyWriter.Write(original, report);
    }

    private SubmissionEntity NewEntity(BlobClient blob, Located located, Downloaded downloaded, UploadCheck check)
    {
        var (upload, partition, submissionId, properties) = (located.Upload, located.Partition, downloaded.SubmissionId, downloaded.Properties);
        var report = check.Report;
        return new SubmissionEntity
        {
            PartitionKey = partition,
            RowKey = submissionId,
            Unit = upload.Unit,
            Period = upload.Period.ToString(),
            FileName = TableText.Bound(upload.FileName, TableText.MaxFileNameChars)!,
            SentName = downloaded.SentName,
            UploadBlob = $"{blob.BlobContainerName}/{blob.Name}",
            ArchiveBlob = check.Package.Content.Length > 0 ? archive.PathOf(upload, submissionId) : "",
            ReportBlob = reports.PathOf(upload),
            ContentHash = check.Package.Sha256 ?? "",
            SizeBytes = properties.ContentLength,
            UploadedAt = downloaded.Expectation.ArrivedAt!.Value,
            Uploader = downloaded.Uploader,
            ProcessedAt = time.GetUtcNow(),
            RowCount = check.Validation.Activities.Count,
            ErrorCount = report.Errors.Count,
            WarningCount = report.Warnings.Count,
            IssuesJson = IssuesJson(report.Accepted ? report.Warnings : report.Errors),
            // Typed by the focal point, and kept even for a rejected sheet: bounded to the template's own limits.
            FocalPointName = TableText.Bound(check.Validation.FocalName, TemplateLayout.MaxFocalNameLength),
            FocalPointEmail = TableText.Bound(check.Validation.FocalEmail, TemplateLayout.MaxFocalEmailLength),
            Language = report.Language,
        };
    }

    /// <summary>
    /// Table Storage strings hold 32K UTF-16 characters: keep the first issues that fit (whole, so the JSON stays
    /// valid); the blob has them all.
    /// </summary>
    private static string IssuesJson(IReadOnlyList<ValidationIssue> issues)
    {
        for (var take = issues.Count; take > 0; take /= 2)
        {
            var json = JsonSerializer.Serialize(issues.Take(take), ValidationReport.JsonOptions);
            if (json.Length <= TableText.MaxPropertyChars) return json;
        }
        return "[]";
    }

    private static ProgressRow ToRow(ReportedActivity a, UploadPath upload) => new()
    {
        Unit = upload.Unit,
        Period = upload.Period.ToString(),
        Year = upload.Period.Year,
        Activity = a.Code,
        Programado = (double?)a.Programado,
        Ejecutado = (double?)a.Ejecutado,
        Status = a.Status?.ToString(),
        Quantity = (double?)a.Quantity,
        // Validated against the template's limits already; bounded again where they are stored.
        Observaciones = TableText.Bound(a.Observaciones, TemplateLayout.MaxObservationsLength),
        Evidencia = TableText.Bound(a.Evidencia, TemplateLayout.MaxEvidenceLength),
    };

    /// <summary>The upload's place and the reads started from it alone.</summary>
    private sealed record Located(UploadPath Upload, string Partition, Task<CurrentPointerEntity?> PointerRead, Task<PreviousProgress?>? PreviousRead);

    /// <summary>The version read, the guard's verdict on its bytes, and the archive write under way.</summary>
    private sealed record Downloaded(BlobDownloadDetails Properties, string? Uploader, string? SentName, UploadExpectation Expectation,
        PackageInspection Package, string SubmissionId, Task<string?> Archiving);

    /// <summary>The sheet's verdict, the pointer it may replace, and what would be written for it.</summary>
    private sealed record Validated(UploadCheck Check, CurrentPointerEntity? Pointer, bool IsCurrent, byte[]? Annotated,
        List<ProgressRow> Rows, SubmissionEntity Entity);

    /// <summary>What the writes left: the archive path and this content's history entry, if it had one.</summary>
    private sealed record Staged(string? Archived, SubmissionEntity? Existing);
}
