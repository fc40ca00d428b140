using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Operations;

namespace ServerlessPlan.Functions;

/// <summary>
/// Every five minutes, the result mails whose claim lapsed (a run died after claiming; the redelivery that found the
/// claim live ended "retry later" and returned normally) are sent by replaying their upload through the same ingestion.
/// The delivery does not throw instead: the blob trigger's five quick retries would all meet the same live claim
/// (15 min) and end in the poison queue. A constant schedule, not a setting: it is how soon a lapsed claim is noticed.
/// </summary>
public sealed class SendPendingResultMails(PendingResultMails pending, ILogger<SendPendingResultMails> logger)
{
    public const string Schedule = "0 */5 * * * *";

    [Function(nameof(SendPendingResultMails))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken ct)
    {
        var replayed = await pending.SendLapsedAsync(ct);
        if (replayed.Count > 0 || timer.IsPastDue)
        {
            logger.LogInformation("Replayed {Replayed} upload(s) whose result mail's claim had lapsed (past due: {PastDue})", replayed.Count, timer.IsPastDue);
        }
    }
}
