using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// Builds one digest: the period's figures, what changed since the last digest sent, and the merged workbook —
/// attached up to <c>Digest__MaxAttachmentBytes</c>, linked to the portal's download (<see cref="PortalLinks"/>), or
/// both; with neither possible, the digest says to ask the ST. No claim, no send: <see cref="DigestService"/> does that.
/// </summary>
public sealed class DigestPreparer(
    MergedWorkbookService workbooks,
    DigestComposer composer,
    DigestStore store,
    PortalLinks links,
    TrendService trends,
    PlanRegistry plans,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestPreparer> logger)
{
    /// <param name="replaces">The slot of an earlier, never-sent digest this one stands in for (said in the message).</param>
    /// <returns>Null when the period has no accepted submission (always the case of a period no plan in force covers).</returns>
    public Task<PreparedDigest?> PrepareAsync(ReportingPeriod period, DateTimeOffset? replaces, CancellationToken ct) =>
        PrepareAsync(period, replaces, preview: null, ct);

    /// <summary>
    /// The digest as it would be sent now, for the portal's preview, without building the workbook (seconds of CPU per
    /// view otherwise): the workbook is described from <paramref name="storedWorkbookBytes"/>, the size of the current
    /// workbook when one is stored already, and otherwise as linked (or, without a portal address, attached).
    /// </summary>
    public Task<PreparedDigest?> PreviewAsync(ReportingPeriod period, long? storedWorkbookBytes, CancellationToken ct) =>
        PrepareAsync(period, null, new Preview(storedWorkbookBytes), ct);

    private sealed record Preview(long? StoredWorkbookBytes);

    private async Task<PreparedDigest?> PrepareAsync(ReportingPeriod period, DateTimeOffset? replaces, Preview? preview, CancellationToken ct)
    {
        if (!workbooks.InPlan(period)) return null;
        var settings = options.Value;
        // Read before the figures: the record as of this instant is what they were computed from.
        var computedAt = time.GetUtcNow();
        var (progress, snapshot) = await workbooks.CalculateAsync(period, ct);
        if (!snapshot.HasData) return null;

        var (lastSent, samePeriod) = await LastSentStatesAsync(period, ct);
        var changes = DigestChanges.Between(progress, lastSent, samePeriod);

        var fileName = MergedWorkbookService.FileName(period);
        var url = links.CoalitionWorkbook(period);
        MailAttachment? attachment = null;
        WorkbookReference workbook;
        if (preview is not null)
        {
            var attach = preview.StoredWorkbookBytes is { } bytes ? bytes <= settings.MaxAttachmentBytes : url is null;
            workbook = attach ? WorkbookReference.Attached(fileName, url) : url is null ? WorkbookReference.OnRequest(fileName) : WorkbookReference.Linked(fileName, url);
            var previewLanguage = LanguageChoice.Of(settings.Language);
            return new PreparedDigest(progress, changes, composer.Compose(progress, changes, previewLanguage, workbook, replaces), workbook, null) { ComputedAt = computedAt };
        }

        // A temporary file, not memory: only a workbook under the limit is read back.
        await using (var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
        {
            await workbooks.WriteAsync(period, file, ct);
            if (file.Length <= settings.MaxAttachmentBytes)
            {
                var bytes = new byte[file.Length];
                file.Position = 0;
                await file.ReadExactlyAsync(bytes, ct);
                attachment = new MailAttachment(fileName, Xlsx.ContentType, bytes);
                workbook = WorkbookReference.Attached(fileName, url);
            }
            else
            {
                logger.LogInformation("Workbook for {Period} is {Bytes} bytes, over {MaxBytes}: not attached; {Where}",
                    period, file.Length, settings.MaxAttachmentBytes, url ?? "the digest says to ask the ST (no Portal__BaseUrl)");
                workbook = url is null ? WorkbookReference.OnRequest(fileName) : WorkbookReference.Linked(fileName, url);
            }
        }

        var language = LanguageChoice.Of(settings.Language);
        var trend = await TrendAsync(period, ct);
        var message = composer.Compose(progress, changes, language, workbook, replaces, trend);
        return new PreparedDigest(progress, changes, message, workbook, attachment) { ComputedAt = computedAt };
    }

    /// <summary>The last <see cref="DigestTrend.Quarters"/> quarters of the period's plan up to it, as the trends page computes them.</summary>
    private async Task<IReadOnlyList<TrendQuarter>> TrendAsync(ReportingPeriod period, CancellationToken ct)
    {
        var from = period;
        for (var i = 1; i < DigestTrend.Quarters; i++) from = from.Previous;
        var series = await trends.GetAsync(TrendRange.Of(plans.For(period), period, from, period), ct);
        return series.LastQuarters(DigestTrend.Quarters);
    }

    /// <summary>The state of the last digest sent (any period) and of the last one sent about <paramref name="period"/>.</summary>
    private async Task<(DigestState? Last, DigestState? SamePeriod)> LastSentStatesAsync(ReportingPeriod period, CancellationToken ct)
    {
        var sent = (await store.SentAsync(ct))
            .Where(e => e.SentAt is not null && ReportingPeriod.TryParse(e.Period, out _))
            .OrderByDescending(e => e.SentAt)
            .ToList();
        return (State(sent.FirstOrDefault()), State(sent.FirstOrDefault(e => e.Period == period.ToString())));
    }

    private DigestState? State(DigestEntity? entity)
    {
        if (entity is null) return null;
        try
        {
            return DigestState.FromJson(ReportingPeriod.Parse(entity.Period), entity.SentAt!.Value, entity.StateJson ?? "{}");
        }
        catch (System.Text.Json.JsonException ex)
        {
            logger.LogWarning(ex, "Digest {MessageKey} has an unreadable state; changes are computed without it", entity.RowKey);
            return null;
        }
    }
}

/// <summary>A digest ready to send: its figures, its changes, the message and how the workbook travels.</summary>
public sealed record PreparedDigest(RegionalProgress Progress, DigestChanges? Changes, DigestMessage Message, WorkbookReference Workbook,
    MailAttachment? Attachment)
{
    /// <summary>When the figures were read (recorded with the digest as <c>ComputedAt</c>).</summary>
    public DateTimeOffset ComputedAt { get; init; }
}
