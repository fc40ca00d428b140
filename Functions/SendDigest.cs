using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Reports.Digest;

namespace ServerlessPlan.Functions;

/// <summary>
/// The Presidency's digest on <c>%DigestSchedule%</c> (default Mondays 12:00 UTC). The slot is the schedule occurrence
/// the invocation belongs to, so a double or late firing maps to the same slot and the service sends it once.
/// A failed send throws so the host records the failure (and retries, when a retry policy is configured).
/// </summary>
public sealed class SendDigest(DigestService digests, DigestSchedule schedule, TimeProvider time, ILogger<SendDigest> logger)
{
    [Function(nameof(SendDigest))]
    public async Task Run([TimerTrigger("%" + DigestSchedule.Setting + "%")] TimerInfo timer, CancellationToken ct)
    {
        var slot = schedule.SlotFor(time.GetUtcNow());
        logger.LogInformation("Digest timer fired for slot {Slot} of {Schedule} (past due: {PastDue})", slot, schedule.Expression, timer.IsPastDue);
        var result = await digests.SendScheduledAsync(slot, ct);
        logger.LogInformation("Digest {MessageKey} for {Period}: {Outcome}", result.MessageKey, result.Period, result.Outcome);
    }
}
