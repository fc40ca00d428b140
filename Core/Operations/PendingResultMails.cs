using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Operations;

/// <summary>
/// The result mails still owed because a run claimed them and did not finish (<see cref="ResultMailPending"/>, "retry
/// later"): listed for the operations status, and sent once their claim lapsed by replaying their upload through the
/// same ingestion (<c>SendPendingResultMails</c>, every five minutes) — the delivery that met the live claim returned
/// normally, so no host retry is left to do it.
/// </summary>
public sealed class PendingResultMails(
    SubmissionStore submissions,
    IngestionReplay replay,
    SendClaimTimings timings,
    TimeProvider time,
    ILogger<PendingResultMails> logger)
{
    /// <summary>Every result mail claimed and not marked sent, oldest claim first.</summary>
    public async Task<IReadOnlyList<PendingResultMail>> ListAsync(CancellationToken ct)
    {
        var claimed = await submissions.ListClaimedNoticesAsync(ct);
        return claimed
            .Where(e => e.NoticeClaimedAt is not null && !e.IsNotified(e.NoticeClaimedVerdict ?? SubmissionEntity.Verdict(e.StatusValue != SubmissionStatus.Rejected)))
            .Select(e => new PendingResultMail(e.Unit, e.Period, e.RowKey, e.FileName, e.UploadBlob,
                e.NoticeClaimedVerdict ?? SubmissionEntity.Verdict(e.StatusValue != SubmissionStatus.Rejected),
                e.NoticeClaimedAt!.Value, e.NoticeClaimedAt.Value + timings.Lease))
            .OrderBy(p => p.ClaimedAt)
            .ToList();
    }

    /// <summary>Replays the upload of every mail whose claim has lapsed; a live claim is left to its run.</summary>
    /// <returns>What each replay did, by pending mail (null: the upload is gone, nothing to replay).</returns>
    public async Task<IReadOnlyList<(PendingResultMail Mail, IngestionResult? Result)>> SendLapsedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var done = new List<(PendingResultMail, IngestionResult?)>();
        foreach (var pending in await ListAsync(ct))
        {
            if (!pending.Lapsed(now)) continue;
            var result = await replay.ReplayAsync(pending.UploadBlob, ct);
            if (result is null)
            {
                logger.LogWarning("Result mail of {SubmissionId} for {Unit} {Period} is owed but its upload {Blob} is gone: nothing to replay",
                    pending.SubmissionId, pending.Unit, pending.Period, pending.UploadBlob);
            }
            else
            {
                logger.LogInformation("Replayed {Blob} for the result mail of {SubmissionId} ({Unit} {Period}), claimed at {ClaimedAt:O}: {Outcome}",
                    pending.UploadBlob, pending.SubmissionId, pending.Unit, pending.Period, pending.ClaimedAt, result.Outcome);
            }
            done.Add((pending, result));
        }
        return done;
    }
}
