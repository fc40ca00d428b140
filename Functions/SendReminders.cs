using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.FollowUp;

namespace ServerlessPlan.Functions;

/// <summary>
/// Reminders before the deadline, late notices and the ST's weekly list on <c>%ReminderSchedule%</c> (default daily
/// 13:00 UTC). The rules are windows of days, so a double or late firing sends what is still due, once. A run that
/// leaves mails unsent (provider down, a rival run still on them) throws: the retry policy comes back with growing
/// delays that together outlast the claim's lease (1 + 2 + 4 + 8 + 15 min), so a run that died after claiming is taken
/// over within the hour; beyond that, the next firing sends whatever is still inside its window.
/// </summary>
public sealed class SendReminders(ReminderService reminders, TimeProvider time, ILogger<SendReminders> logger)
{
    [Function(nameof(SendReminders))]
    [ExponentialBackoffRetry(5, "00:01:00", "00:15:00")]
    public async Task Run([TimerTrigger("%" + ReminderSchedule.Setting + "%")] TimerInfo timer, CancellationToken ct)
    {
        var run = await reminders.SendDueAsync(time.GetUtcNow(), ct);
        logger.LogInformation("Reminders at {At} (week {Week}, past due: {PastDue}): {Sent} sent, {Decided} decided, complete: {Complete}",
            run.At, run.Week, timer.IsPastDue, run.Sent, run.Items.Count, run.Complete);
        run.ThrowIfIncomplete();
    }
}
