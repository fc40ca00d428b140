using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Operations;

/// <summary>
/// Reads the operations status (<see cref="OperationsStatus"/>) for the CLI's <c>status</c> and the portal's operations
/// page: one read of each store, all at once. What needs attention follows the alerts in <c>infra/app/monitoring.bicep</c>:
/// a digest slot not recorded within <see cref="DigestGrace"/>, no reminder run within <see cref="ReminderGrace"/> of
/// its firing, an upload without a verdict after <see cref="StuckAfter"/>, any poison message or dead-letter not
/// replayed, a result mail whose claim lapsed unsent.
/// </summary>
public sealed class OperationsStatusService(
    BlobServiceClient blobs,
    TableServiceClient tables,
    StorageLayout layout,
    SubmissionStore submissions,
    ArrivalLog arrivals,
    ReminderRunLog reminderRuns,
    PoisonQueue poison,
    DeadLetters deadLetters,
    PendingResultMails pendingMails,
    DigestSchedule digestSchedule,
    IConfiguration configuration,
    SendClaimTimings timings,
    TimeProvider time)
{
    /// <summary>A digest slot with no row this long after it: the timer did not run (the alert's two hours).</summary>
    public static readonly TimeSpan DigestGrace = TimeSpan.FromHours(2);

    /// <summary>A reminder firing with no run recorded this long after it.</summary>
    public static readonly TimeSpan ReminderGrace = TimeSpan.FromHours(1);

    /// <summary>An upload with no verdict this long after it was written: longer than the host's five attempts take.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    /// <summary>How many digest slots and reminder runs are shown.</summary>
    public const int Shown = 5;

    public async Task<OperationsStatus> ReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var digests = DigestSlotsAsync(now, ct);
        var runs = reminderRuns.LatestAsync(Shown, ct);
        var stuck = StuckUploadsAsync(now, ct);
        var poisoned = poison.ListAsync(ct);
        var dead = deadLetters.ListAsync(ct);
        var mails = pendingMails.ListAsync(ct);
        await Task.WhenAll(digests, runs, stuck, poisoned, dead, mails);

        var reminderStatus = (await runs).Select(r => new ReminderRunStatus(r.RanAt, r.At, r.Week, r.Decided, r.Sent, r.Complete)).ToList();
        var attention = new List<AttentionItem>();
        foreach (var slot in await digests)
        {
            if (slot.State == DigestSlotStates.Missing) attention.Add(new(AttentionCodes.DigestMissed, $"{slot.Slot:yyyy-MM-dd HH:mm} UTC"));
            else if (slot.State is nameof(DigestSendState.Failed) or DigestSlotStates.Died) attention.Add(new(AttentionCodes.DigestFailed, $"{slot.Slot:yyyy-MM-dd HH:mm} UTC ({slot.Period})"));
        }
        if (MissedReminderFiring(now, reminderStatus) is { } missed)
            attention.Add(new(AttentionCodes.RemindersMissed, $"{missed:yyyy-MM-dd HH:mm} UTC"));
        if (reminderStatus.FirstOrDefault() is { Complete: false } last)
            attention.Add(new(AttentionCodes.RemindersIncomplete, $"{last.RanAt:yyyy-MM-dd HH:mm} UTC"));
        attention.AddRange((await stuck).Select(u => new AttentionItem(AttentionCodes.UploadWithoutVerdict, u.UploadBlob)));
        attention.AddRange((await poisoned).Select(p => new AttentionItem(AttentionCodes.PoisonMessage, p.UploadBlob)));
        attention.AddRange((await dead).Where(d => d.ReplayedAt is null).Select(d => new AttentionItem(AttentionCodes.DeadLetter, d.UploadBlob ?? d.DeadLetterBlob)));
        attention.AddRange((await mails).Where(m => m.Lapsed(now)).Select(m => new AttentionItem(AttentionCodes.MailOwed, m.UploadBlob)));

        return new OperationsStatus(now, await digests, reminderStatus, await stuck, await poisoned, await dead, await mails, attention);
    }

    /// <summary>
    /// The last scheduled slots as recorded, and the latest slot due (over <see cref="DigestGrace"/> ago) as
    /// <c>Missing</c> when no run recorded it. A claim older than its lease is a run that died: <c>Died</c>.
    /// </summary>
    private async Task<IReadOnlyList<DigestSlotStatus>> DigestSlotsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var table = tables.GetTableClient(layout.DigestsTable);
        var rows = new List<DigestEntity>();
        try
        {
            await foreach (var e in table.QueryAsync<DigestEntity>(e => e.PartitionKey == DigestEntity.ScheduledPartition, cancellationToken: ct)) rows.Add(e);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        var slots = rows.OrderByDescending(r => r.RowKey, StringComparer.Ordinal).Take(Shown).Select(r => new DigestSlotStatus(r.Slot, r.Period,
            r.StateValue == DigestSendState.Claimed && r.ClaimedAt + timings.Lease <= now ? DigestSlotStates.Died : r.State, r.SentAt, r.Error, r.SupersededBy)).ToList();
        var due = digestSchedule.SlotFor(now - DigestGrace);
        var key = DigestStore.KeyOf(due);
        if (rows.All(r => r.RowKey != key)) slots.Insert(0, new DigestSlotStatus(due, "", DigestSlotStates.Missing, null, null, null));
        return slots;
    }

    /// <summary>The reminder firing (over <see cref="ReminderGrace"/> ago) after which no run was recorded, if any.</summary>
    private DateTimeOffset? MissedReminderFiring(DateTimeOffset now, IReadOnlyList<ReminderRunStatus> runs)
    {
        // DigestSchedule is the app's reader of an NCRONTAB setting with its slot arithmetic; the reminders' setting has the same form.
        var schedule = new DigestSchedule(configuration[ReminderSchedule.Setting] ?? ReminderSchedule.Default);
        var firing = schedule.SlotFor(now - ReminderGrace);
        return runs.Any(r => r.RanAt >= firing - DigestSchedule.EarlyFireTolerance) ? null : firing;
    }

    /// <summary>Upload blobs written over <see cref="StuckAfter"/> ago with no arrival recorded since, and merges never committed.</summary>
    private async Task<IReadOnlyList<StuckUpload>> StuckUploadsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var recorded = await arrivals.LastRecordedByBlobAsync(ct);
        var stuck = new List<StuckUpload>();
        try
        {
            await foreach (var item in blobs.GetBlobContainerClient(layout.Uploads).GetBlobsAsync(cancellationToken: ct))
            {
                var path = $"{layout.Uploads}/{item.Name}";
                if (item.Properties.LastModified is not { } written || now - written < StuckAfter) continue;
                if (recorded.TryGetValue(path, out var at) && at >= written) continue;
                stuck.Add(new StuckUpload(path, written, "no verdict recorded since it was written"));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
        foreach (var entry in await submissions.ListPendingAsync(ct))
        {
            if (entry.Timestamp is { } since && now - since >= StuckAfter && stuck.All(s => s.UploadBlob != entry.UploadBlob))
                stuck.Add(new StuckUpload(entry.UploadBlob, since, "merge begun and never committed"));
        }
        return stuck.OrderBy(s => s.Since).ToList();
    }
}
