using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>A follow-up mail ready to go: its row in the <c>Reminders</c> table and the message.</summary>
/// <param name="StillNeeded">Asked after the claim, just before sending (has the unit's sheet been accepted meanwhile?); null: always.</param>
public sealed record PreparedReminder(ReminderEntity Row, OutgoingMail Mail, Func<CancellationToken, Task<bool>>? StillNeeded = null);

/// <summary>What <see cref="ReminderDispatcher.SendOnceAsync"/> did with one mail.</summary>
/// <param name="ProviderDown">The failure was not about this message (provider unavailable, throttling past its retries,
/// key refused, misconfiguration): the run should stop sending and leave the rest to the next run.</param>
public sealed record DispatchResult(ReminderOutcome Outcome, string Reason, MailDelivery? Delivery = null, bool ProviderDown = false);

/// <summary>
/// Sends one follow-up mail at most once, as the digest is sent: claimed in the <c>Reminders</c> table before the
/// provider is called (<see cref="ReminderStore.TryClaimAsync"/>), marked sent after it accepted, marked failed when
/// it did not (the next run takes a failed claim over at once); a claim whose run died is taken over after the lease
/// (<see cref="SendClaimTimings.Lease"/>). The one window left is a run dying between the provider's acceptance and the
/// mark: then, after the lease, the mail goes out again rather than never.
/// </summary>
public sealed class ReminderDispatcher(ReminderStore store, IMailSender sender, SendClaimTimings timings, TimeProvider time,
    ILogger<ReminderDispatcher> logger)
{
    public async Task<DispatchResult> SendOnceAsync(PreparedReminder prepared, string run, CancellationToken ct)
    {
        var row = prepared.Row;
        row.ClaimedBy = run;
        row.ClaimedAt = time.GetUtcNow();
        row.State = nameof(ReminderSendState.Claimed);
        row.Error = null;
        var claim = await store.TryClaimAsync(row, timings.Lease, ct);
        switch (claim.Outcome)
        {
            case SendClaimOutcome.Done:
                return new DispatchResult(claim.Entity.StateValue == ReminderSendState.Sent ? ReminderOutcome.AlreadySent : ReminderOutcome.Cancelled,
                    claim.Entity.StateValue == ReminderSendState.Sent
                        ? $"already sent at {claim.Entity.SentAt:O} by run {claim.Entity.ClaimedBy}"
                        : $"cancelled by run {claim.Entity.ClaimedBy}: {claim.Entity.Error}");
            case SendClaimOutcome.HeldElsewhere:
                return new DispatchResult(ReminderOutcome.HeldElsewhere,
                    $"run {claim.Entity.ClaimedBy} claimed it at {claim.Entity.ClaimedAt:O}; its claim lapses at {claim.Entity.ClaimedAt + timings.Lease:O}");
        }

        row = claim.Entity;
        if (prepared.StillNeeded is { } stillNeeded && !await stillNeeded(ct))
        {
            await store.MarkCancelledAsync(row, "The unit's sheet was accepted before the reminder went out.", CancellationToken.None);
            return new DispatchResult(ReminderOutcome.Cancelled, "the unit's sheet was accepted before the reminder went out");
        }

        MailDelivery delivery;
        try
        {
            delivery = await sender.SendAsync(prepared.Mail, ct);
        }
        catch (Exception ex)
        {
            await MarkFailedQuietlyAsync(row, ex.Message);
            if (ex is OperationCanceledException && ct.IsCancellationRequested) throw;
            var providerDown = !AboutThisMessage(ex);
            logger.LogError(ex, "Reminder {MessageKey} for {Unit} {Period} not sent (provider down: {ProviderDown})",
                row.MessageKey, row.Unit, row.Period, providerDown);
            return new DispatchResult(ReminderOutcome.Failed, $"not sent: {ex.Message}", ProviderDown: providerDown);
        }

        row.SentAt = time.GetUtcNow();
        row.ProviderMessageId = delivery.ProviderMessageId;
        row.OutboxPath = delivery.OutboxBlobPrefix;
        await store.MarkSentAsync(row, CancellationToken.None);
        logger.LogInformation("Reminder {MessageKey} for {Unit} {Period} sent to {Recipients} registered address(es): {Outcome}",
            row.MessageKey, row.Unit, row.Period, prepared.Mail.To.Count, delivery.Outcome);
        return new DispatchResult(ReminderOutcome.Sent, delivery.Outcome == MailOutcome.Sent ? "sent" : "written to the outbox", delivery);
    }

    /// <summary>
    /// A refusal of this one message (a bad address, a 400 about its content) does not stop the others; anything else
    /// (5xx or 429 after the sender's retries, timeouts, a refused key, a misconfigured sender) would fail them all.
    /// </summary>
    private static bool AboutThisMessage(Exception ex) => ex switch
    {
        ArgumentException => true,
        MailDeliveryException { Status: >= 400 and < 500 and not (401 or 403 or 429) } => true,
        _ => false,
    };

    private async Task MarkFailedQuietlyAsync(ReminderEntity row, string error)
    {
        try { await store.MarkFailedAsync(row, error, CancellationToken.None); }
        catch (Exception markEx) { logger.LogError(markEx, "Could not record reminder {MessageKey} as failed; its claim lapses after the lease", row.MessageKey); }
    }
}
