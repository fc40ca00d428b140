using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Reports.Digest;

namespace ServerlessPlan.Functions;

/// <summary>
/// The Presidency's digest on <c>%DigestSchedule%</c> (default Mondays 12:00 UTC). The slot is the schedule occurrence
/// the invocation belongs to, so a double or late firing maps to the same slot and the service sends it once. A
/// failed send, or a slot another run still holds, throws: the retry policy comes back with growing delays that
/// together outlast the claim's lease (1 + 2 + 4 + 8 + 15 min), so a run that died after claiming is taken over
/// within the hour; beyond that, the next slot's digest stands in for this one.
/// </summary>
public sealed class SendDigest(DigestService digests, DigestSchedule schedule, TimeProvider time, ILogger<SendDigest> logger)
{
    [Function(nameof(SendDigest))]
    [ExponentialBackoffRetry(5, "00:01:00", "00:15:00")]
    public async Task Run([TimerTrigger("%" + DigestSchedule.Setting + "%")] TimerInfo timer, CancellationToken ct)
    {
        var slot = schedule.SlotFor(time.GetUtcNow());
        logger.LogInformation("Digest timer fired for slot {Slot} of {Schedule} (past due: {PastDue})", slot, schedule.Expression, timer.IsPastDue);
        var result = await digests.SendScheduledAsync(slot, ct);
        logger.LogInformation("Digest {MessageKey} for {Period}: {Outcome}", result.MessageKey, result.Period, result.Outcome);
    }
}
