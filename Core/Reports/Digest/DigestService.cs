using ServerlessPlan.Core.Telemetry;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// Sends the Presidency's digest: once per scheduled slot (the timer) or on demand (the CLI), about the quarter the
/// reporting calendar names (<c>Digest__Period</c>). Each send is claimed in the <c>Digests</c> table before the
/// provider is called and recorded as sent, with what it reported, only after the provider accepted it. A slot whose
/// send failed or whose run died is taken over by the host's retry (after the lease, for a dead run); failing that,
/// the next slot's digest stands in for it — one mail, never a burst of stale ones (docs/digest.md).
/// </summary>
public sealed class DigestService(
    MergedWorkbookService workbooks,
    DigestPreparer preparer,
    DigestStore store,
    IMailSender sender,
    IOptions<DigestOptions> options,
    SendClaimTimings timings,
    TimeProvider time,
    PlanTelemetry telemetry,
    ILogger<DigestService> logger)
{
    public const string Category = "digest";

    /// <summary>
    /// How far back a run looks for a slot that was never sent: one month, so a digest stands in for last week's
    /// failure but a long-dead slot is left as it is (its changes are in the next digest all the same).
    /// </summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromDays(31);

    public static string MessageKey(DateTimeOffset slot) => DigestStore.KeyOf(slot);

    /// <summary>
    /// The timer's entry point: the digest of the calendar's quarter at <paramref name="slot"/>, at most once for the
    /// slot, standing in for the previous slot if that one was never sent.
    /// </summary>
    /// <exception cref="MailClaimHeldException">Another run is still on this slot after the wait: the host should retry.</exception>
    public async Task<DigestResult> SendScheduledAsync(DateTimeOffset slot, CancellationToken ct)
    {
        // Every scheduled run counts once, whatever became of it: the alerts read that the slot was run, and how.
        var key = MessageKey(slot);
        try
        {
            var result = await SendSlotAsync(slot, key, ct);
            telemetry.DigestRun(OutcomeName(result.Outcome), key, result.Period?.ToString());
            return result;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            telemetry.DigestRun(ex is MailClaimHeldException ? OutcomeName(DigestOutcome.InProgressElsewhere) : PlanTelemetry.DigestOutcomes.Failed, key, null);
            throw;
        }
    }

    /// <summary>The <c>outcome</c> tag of <see cref="PlanTelemetry.DigestRuns"/>: the outcome's name in snake case (<c>already_sent</c>).</summary>
    public static string OutcomeName(DigestOutcome outcome) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());

    private async Task<DigestResult> SendSlotAsync(DateTimeOffset slot, string key, CancellationToken ct)
    {
        // The slot, not the clock, picks the quarter: a retry or a late run reports what the slot was due to.
        var period = workbooks.DefaultPeriod(slot);
        if (!workbooks.InPlan(period))
        {
            logger.LogWarning("Digest {MessageKey} skipped: the reporting calendar's quarter {Period} (Digest__Period={Choice}) is outside the plan in force",
                key, period, options.Value.Period);
            return new DigestResult(DigestOutcome.OutsidePlan, key, period);
        }

        var result = await ClaimAndSendAsync(DigestEntity.ScheduledPartition, key, slot, period, catchUp: true, ct);
        if (result.Outcome == DigestOutcome.InProgressElsewhere)
        {
            var held = await store.GetAsync(DigestEntity.ScheduledPartition, key, ct);
            throw new MailClaimHeldException(key, held?.ClaimedBy, held?.ClaimedAt ?? slot, (held?.ClaimedAt ?? slot) + timings.Lease);
        }
        return result;
    }

    /// <summary>The CLI's entry point: compose the digest of <paramref name="period"/>, and send it when <paramref name="send"/>.</summary>
    public async Task<DigestResult> SendAsync(ReportingPeriod period, bool send, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var key = $"digest-{period}-{now.UtcDateTime:yyyyMMddHHmm}";
        if (send) return await ClaimAndSendAsync(DigestEntity.ManualPartition, key, now, period, catchUp: false, ct);

        var prepared = await preparer.PrepareAsync(period, null, ct);
        return prepared is null
            ? new DigestResult(DigestOutcome.NoData, key, period)
            : new DigestResult(DigestOutcome.Rendered, key, period, prepared.Message, prepared.Workbook, prepared.Changes);
    }

    /// <summary>
    /// The digest of <paramref name="period"/> as it would be sent now, for the portal's preview: the same figures and
    /// message, the workbook described without being built (<see cref="DigestPreparer.PreviewAsync"/>).
    /// </summary>
    public async Task<DigestResult> PreviewAsync(ReportingPeriod period, long? storedWorkbookBytes, CancellationToken ct)
    {
        var key = $"digest-{period}-{time.GetUtcNow().UtcDateTime:yyyyMMddHHmm}";
        var prepared = await preparer.PreviewAsync(period, storedWorkbookBytes, ct);
        return prepared is null
            ? new DigestResult(DigestOutcome.NoData, key, period)
            : new DigestResult(DigestOutcome.Rendered, key, period, prepared.Message, prepared.Workbook, prepared.Changes);
    }

    private async Task<DigestResult> ClaimAndSendAsync(string partition, string key, DateTimeOffset slot, ReportingPeriod period,
        bool catchUp, CancellationToken ct)
    {
        var recipients = options.Value.MailRecipients();
        if (recipients.Count == 0)
            throw new MailConfigurationException("Digest__Recipients is empty: there is nobody to send the digest to.");

        var run = Guid.NewGuid().ToString("N");
        var claim = await ClaimOrWaitAsync(partition, key, slot, period, run, recipients.Count, ct);
        if (claim.Outcome != DigestClaimOutcome.Claimed)
        {
            logger.LogInformation("Digest {MessageKey} not sent by this run: {Outcome} ({State} by {Run} at {ClaimedAt})",
                key, claim.Outcome, claim.Entity.State, claim.Entity.ClaimedBy, claim.Entity.ClaimedAt);
            return new DigestResult(claim.Outcome == DigestClaimOutcome.AlreadySent ? DigestOutcome.AlreadySent : DigestOutcome.InProgressElsewhere,
                key, period);
        }

        var entity = claim.Entity;
        var earlier = catchUp ? await TakeOverUnsentBeforeAsync(slot, run, ct) : null;
        PreparedDigest? prepared;
        MailDelivery delivery;
        try
        {
            prepared = await preparer.PrepareAsync(period, earlier?.Slot, ct);
            if (prepared is null)
            {
                await store.MarkSkippedAsync(entity, $"No accepted submissions for {period}.", CancellationToken.None);
                if (earlier is not null)
                    await store.MarkFailedAsync(earlier, $"Left for a later digest: {key} had nothing to send.", CancellationToken.None);
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
            // Recorded so a retry may take the slot over at once; rethrown so the host retries and alerts.
            logger.LogError(ex, "Digest {MessageKey} for {Period} failed", key, period);
            await MarkFailedQuietlyAsync(entity, ex.Message);
            if (earlier is not null) await MarkFailedQuietlyAsync(earlier, $"Its stand-in {key} failed: {ex.Message}");
            throw;
        }

        var sentAt = time.GetUtcNow();
        entity.SentAt = sentAt;
        entity.ProviderMessageId = delivery.ProviderMessageId;
        entity.OutboxPath = delivery.OutboxBlobPrefix;
        entity.Attachment = prepared.Attachment?.FileName;
        entity.WorkbookUrl = prepared.Workbook.Url;
        entity.StateJson = DigestState.Of(prepared.Progress, sentAt).ToJson();
        entity.ComputedAt = prepared.ComputedAt;
        entity.Basis = TableText.Bound(FigureSource.Join(prepared.Progress.Basis), TableText.MaxPropertyChars);
        await store.MarkSentAsync(entity, CancellationToken.None);
        if (earlier is not null) await store.MarkSupersededAsync(earlier, key, CancellationToken.None);

        logger.LogInformation("Digest {MessageKey} for {Period} sent to {Recipients} recipient(s): {Outcome}, workbook {Workbook}, {UnitChanges} unit change(s) since the last digest, standing in for {Earlier}",
            key, period, recipients.Count, delivery.Outcome, prepared.Workbook.Url ?? prepared.Workbook.FileName, prepared.Changes?.Units.Count ?? 0,
            earlier?.RowKey ?? "(none)");
        return new DigestResult(DigestOutcome.Sent, key, period, prepared.Message, prepared.Workbook, prepared.Changes, delivery, earlier?.RowKey);
    }

    /// <summary>Claims the slot; a live claim of another run is waited for (it usually finishes in seconds), up to the wait.</summary>
    private async Task<DigestClaim> ClaimOrWaitAsync(string partition, string key, DateTimeOffset slot, ReportingPeriod period, string run,
        int recipients, CancellationToken ct)
    {
        // Real elapsed time bounds the wait; the lease is judged on the injected clock, like every other date.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var claim = await store.TryClaimAsync(new DigestEntity
            {
                PartitionKey = partition,
                RowKey = key,
                Slot = slot,
                Period = period.ToString(),
                ClaimedBy = run,
                ClaimedAt = time.GetUtcNow(),
                Recipients = recipients,
            }, timings.Lease, ct);
            if (claim.Outcome != DigestClaimOutcome.HeldByAnotherRun || waited.Elapsed >= timings.Wait) return claim;
            await Task.Delay(timings.Poll, ct);
        }
    }

    /// <summary>
    /// The catch-up: when the scheduled slot just before <paramref name="slot"/> (within <see cref="CatchUpWindow"/>)
    /// was never sent — it failed, or its run died and its lease is over — this run claims it too, so that the digest
    /// about to go out stands in for it and no later retry sends it as well. Only that one slot: an older unsent one
    /// was already stood in for, or left, by an earlier run.
    /// </summary>
    private async Task<DigestEntity?> TakeOverUnsentBeforeAsync(DateTimeOffset slot, string run, CancellationToken ct)
    {
        var earlier = await store.LatestScheduledBeforeAsync(slot, CatchUpWindow, ct);
        var now = time.GetUtcNow();
        if (earlier is null) return null;
        var unsent = earlier.StateValue == DigestSendState.Failed ||
                     (earlier.StateValue == DigestSendState.Claimed && earlier.ClaimedAt + timings.Lease <= now);
        if (!unsent) return null;

        var claim = await store.TryClaimAsync(new DigestEntity
        {
            PartitionKey = DigestEntity.ScheduledPartition,
            RowKey = earlier.RowKey,
            Slot = earlier.Slot,
            Period = earlier.Period,
            ClaimedBy = run,
            ClaimedAt = now,
            Recipients = earlier.Recipients,
        }, timings.Lease, ct);
        if (claim.Outcome != DigestClaimOutcome.Claimed) return null;
        logger.LogWarning("Digest {Earlier} ({State}) was never sent: digest of slot {Slot} stands in for it", earlier.RowKey, earlier.State, slot);
        return claim.Entity;
    }

    private async Task MarkFailedQuietlyAsync(DigestEntity entity, string error)
    {
        try { await store.MarkFailedAsync(entity, error, CancellationToken.None); }
        catch (Exception markEx) { logger.LogError(markEx, "Could not record digest {MessageKey} as failed", entity.RowKey); }
    }
}
