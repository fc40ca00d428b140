using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// Sends the Presidency's digest: once per scheduled slot (the timer) or on demand (the CLI). Each send is claimed in
/// the <c>Digests</c> table before the provider is called and recorded as sent, with what it reported, only after the
/// provider accepted it; the next digest's "changes" compare against that record of the last successful send.
/// </summary>
public sealed class DigestService(
    MergedWorkbookService workbooks,
    DigestComposer composer,
    DigestStore store,
    IMailSender sender,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestService> logger)
{
    public const string Category = "digest";
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// How long a claim protects a send in progress. Longer than the slowest send (SendGrid: 5 attempts of at most
    /// 30 s plus waits capped at 60 s); a claim older than this whose run never finished may be taken over.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(15);

    public static string MessageKey(DateTimeOffset slot) => $"digest-{slot.UtcDateTime:yyyyMMddHHmm}";

    /// <summary>The timer's entry point: the digest of the latest period with data, at most once for <paramref name="slot"/>.</summary>
    public async Task<DigestResult> SendScheduledAsync(DateTimeOffset slot, CancellationToken ct)
    {
        var key = MessageKey(slot);
        var period = await workbooks.LatestPeriodAsync(ct);
        if (period is null)
        {
            logger.LogInformation("Digest {MessageKey} skipped: no period has accepted submissions yet", key);
            return new DigestResult(DigestOutcome.NoData, key, null);
        }
        return await ClaimAndSendAsync(DigestEntity.ScheduledPartition, key, slot, period.Value, ct);
    }

    /// <summary>The CLI's entry point: compose the digest of <paramref name="period"/>, and send it when <paramref name="send"/>.</summary>
    public async Task<DigestResult> SendAsync(ReportingPeriod period, bool send, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var key = $"digest-{period}-{now.UtcDateTime:yyyyMMddHHmm}";
        if (send) return await ClaimAndSendAsync(DigestEntity.ManualPartition, key, now, period, ct);

        var prepared = await PrepareAsync(period, ct);
        return prepared is null
            ? new DigestResult(DigestOutcome.NoData, key, period)
            : new DigestResult(DigestOutcome.Rendered, key, period, prepared.Message, prepared.Workbook, prepared.Changes);
    }

    private async Task<DigestResult> ClaimAndSendAsync(string partition, string key, DateTimeOffset slot, ReportingPeriod period, CancellationToken ct)
    {
        var settings = options.Value;
        var recipients = settings.MailRecipients();
        if (recipients.Count == 0)
            throw new MailConfigurationException("Digest__Recipients is empty: there is nobody to send the digest to.");

        var claim = await store.TryClaimAsync(new DigestEntity
        {
            PartitionKey = partition,
            RowKey = key,
            Slot = slot,
            Period = period.ToString(),
            ClaimedBy = Guid.NewGuid().ToString("N"),
            ClaimedAt = time.GetUtcNow(),
            Recipients = recipients.Count,
        }, ClaimLease, ct);
        if (claim.Outcome != DigestClaimOutcome.Claimed)
        {
            logger.LogInformation("Digest {MessageKey} not sent by this run: {Outcome} ({State} by {Run} at {ClaimedAt})",
                key, claim.Outcome, claim.Entity.State, claim.Entity.ClaimedBy, claim.Entity.ClaimedAt);
            return new DigestResult(claim.Outcome == DigestClaimOutcome.AlreadySent ? DigestOutcome.AlreadySent : DigestOutcome.InProgressElsewhere,
                key, period);
        }

        var entity = claim.Entity;
        Prepared? prepared;
        MailDelivery delivery;
        try
        {
            prepared = await PrepareAsync(period, ct);
            if (prepared is null)
            {
                await store.MarkFailedAsync(entity, $"No accepted submissions for {period}.", CancellationToken.None);
                logger.LogWarning("Digest {MessageKey} for {Period} not sent: the period has no accepted submissions", key, period);
                return new DigestResult(DigestOutcome.NoData, key, period);
            }

            delivery = await sender.SendAsync(new OutgoingMail
            {
                MessageKey = key,
                To = recipients,
                Subject = prepared.Message.Subject,
                HtmlBody = prepared.Message.HtmlBody,
                TextBody = prepared.Message.TextBody,
                Attachments = prepared.Attachment is null ? [] : [prepared.Attachment],
                Category = Category,
            }, ct);
        }
        catch (Exception ex)
        {
            // Recorded so the next run may take the slot over at once; rethrown so the host retries and alerts.
            logger.LogError(ex, "Digest {MessageKey} for {Period} failed", key, period);
            try { await store.MarkFailedAsync(entity, ex.Message, CancellationToken.None); }
            catch (Exception markEx) { logger.LogError(markEx, "Could not record digest {MessageKey} as failed", key); }
            throw;
        }

        var sentAt = time.GetUtcNow();
        entity.SentAt = sentAt;
        entity.ProviderMessageId = delivery.ProviderMessageId;
        entity.OutboxPath = delivery.OutboxBlobPrefix;
        entity.Attachment = prepared.Attachment?.FileName;
        entity.WorkbookUrl = prepared.Workbook.Url;
        entity.StateJson = DigestState.Of(prepared.Progress, sentAt).ToJson();
        await store.MarkSentAsync(entity, CancellationToken.None);

        logger.LogInformation("Digest {MessageKey} for {Period} sent to {Recipients} recipient(s): {Outcome}, workbook {Workbook}, {UnitChanges} unit change(s) since the last digest",
            key, period, recipients.Count, delivery.Outcome, prepared.Workbook.Url ?? prepared.Workbook.FileName, prepared.Changes?.Units.Count ?? 0);
        return new DigestResult(DigestOutcome.Sent, key, period, prepared.Message, prepared.Workbook, prepared.Changes, delivery);
    }

    private async Task<Prepared?> PrepareAsync(ReportingPeriod period, CancellationToken ct)
    {
        var settings = options.Value;
        var (progress, snapshot) = await workbooks.CalculateAsync(period, ct);
        if (!snapshot.HasData) return null;

        var (lastSent, samePeriod) = await LastSentStatesAsync(period, ct);
        var changes = DigestChanges.Between(progress, lastSent, samePeriod);

        var fileName = MergedWorkbookService.FileName(period);
        MailAttachment? attachment = null;
        WorkbookReference workbook;
        // A temporary file, not memory: only a workbook under the limit is read back.
        await using (var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
        {
            await workbooks.WriteAsync(period, file, ct);
            if (file.Length <= settings.MaxAttachmentBytes)
            {
                var bytes = new byte[file.Length];
                file.Position = 0;
                await file.ReadExactlyAsync(bytes, ct);
                attachment = new MailAttachment(fileName, XlsxContentType, bytes);
                workbook = WorkbookReference.Attached(fileName);
            }
            else
            {
                var url = $"{settings.DownloadBaseUrl?.TrimEnd('/')}/api/workbook?period={period}";
                logger.LogInformation("Workbook for {Period} is {Bytes} bytes, over {MaxBytes}: linking {Url} instead of attaching",
                    period, file.Length, settings.MaxAttachmentBytes, url);
                workbook = WorkbookReference.Linked(fileName, url);
            }
        }

        LanguageCodes.TryParse(settings.Language, out var language);
        var message = composer.Compose(progress, changes, language, workbook);
        return new Prepared(progress, changes, message, workbook, attachment);
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

    private sealed record Prepared(RegionalProgress Progress, DigestChanges? Changes, DigestMessage Message, WorkbookReference Workbook, MailAttachment? Attachment);
}
