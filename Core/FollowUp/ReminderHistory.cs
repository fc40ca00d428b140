using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>A quarter's follow-up as the ST's board shows it: every unit's reminder rows and the weekly lists that covered it.</summary>
/// <param name="Windows">The quarter's windows (<see cref="ReminderRules.WindowsOf(ReportingPeriod)"/>): when each reminder is or was due.</param>
/// <param name="Reminders">Every unit's rows, whatever their state (sent, failed, in flight), by unit then time.</param>
/// <param name="WeeklyLists">The ST's weekly lists that covered the quarter, oldest first.</param>
public sealed record QuarterFollowUp(
    ReportingPeriod Period,
    IReadOnlyList<ReminderWindow> Windows,
    IReadOnlyList<ReminderEntity> Reminders,
    IReadOnlyList<ReminderEntity> WeeklyLists);

/// <summary>
/// What was sent, read back for the portal: the reminders a focal point's quarter page lists (one row-key range) and
/// a quarter's whole follow-up for the ST's board (one partition, plus the weekly lists of the weeks the quarter
/// was in play: one range).
/// </summary>
public sealed class ReminderHistory(ReminderStore store, ReminderRules rules)
{
    /// <summary>The reminders and late notice <paramref name="unit"/> was sent for <paramref name="period"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReminderEntity>> SentToUnitAsync(string unit, ReportingPeriod period, CancellationToken ct) =>
        (await store.ForUnitAsync(period, unit, ct))
            .Where(r => r.StateValue == ReminderSendState.Sent)
            .OrderBy(r => r.SentAt)
            .ToList();

    public async Task<QuarterFollowUp> ForPeriodAsync(ReportingPeriod period, CancellationToken ct)
    {
        var windows = rules.WindowsOf(period);
        var reminders = (await store.ForPeriodAsync(period, ct))
            .OrderBy(r => r.Unit, StringComparer.Ordinal)
            .ThenBy(r => r.SentAt ?? r.ClaimedAt)
            .ToList();
        // A list covers a quarter from its first reminder window to the end of its late window.
        var from = ReminderRules.WeekOf(windows[0].Opens);
        var to = ReminderRules.WeekOf(windows[^1].Closes);
        var lists = (await store.WeeklyListsAsync(from, to, ct))
            .Where(l => l.Period.Split(';').Contains(period.ToString()))
            .OrderBy(l => l.RowKey, StringComparer.Ordinal)
            .ToList();
        return new QuarterFollowUp(period, windows, reminders, lists);
    }
}
