using System.Globalization;
using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.FollowUp;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>reminders [--at INSTANT] [--json]</c>: does what the <c>SendReminders</c> timer would do at that instant (ISO
/// 8601, default now): sends the reminders, late notices and weekly list due then, through the configured sender (the
/// outbox without a SendGrid key), and prints each decision with its reason. With <c>--at</c> the CLI's clock starts
/// at that instant (as the demo's does), so claims, sent dates and outbox folders carry it. Exit 0 when nothing due was
/// left unsent, 1 when something was (failed, or held by another run), 2 on a usage error.
/// </summary>
public sealed class RemindersCommand(ReminderService reminders, DemoClock clock, CliPlans plans) : ICliCommand
{
    public string Name => "reminders";

    public string Usage => "reminders [--at INSTANT] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var atText = arguments.Option("at");
        var json = arguments.Switch("json");
        arguments.RejectUnknown(0);
        await plans.InForceAsync(cancellationToken);

        DateTimeOffset at;
        if (atText is null)
            at = clock.GetUtcNow();
        else if (DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
            clock.StartAt(at);
        else
            throw new UsageException($"'{atText}' is not an ISO 8601 instant (e.g. 2021-10-28T13:00:00Z).");

        var run = await reminders.SendDueAsync(at, cancellationToken);
        if (json) await stdout.WriteLineAsync(JsonSerializer.Serialize(Report.Of(run), ValidationReport.JsonOptions));
        else await PrintAsync(stdout, run);
        return run.Complete ? ExitCodes.Ok : ExitCodes.Rejected;
    }

    private static async Task PrintAsync(TextWriter stdout, ReminderRun run)
    {
        await stdout.WriteLineAsync($"Reminders at {run.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} (week {run.Week})");
        var zone = run.Windows.FirstOrDefault()?.Zone.Id;
        await stdout.WriteLineAsync(zone is null ? "Windows:"
            : $"Windows (UTC instants of the coalition's days, {zone}; each unit's open and close at midnight on its own clock):");
        foreach (var w in run.Windows)
        {
            await stdout.WriteLineAsync(
                $"  {w.Period} {w.Key,-11} {w.Opens.UtcDateTime:yyyy-MM-dd HH:mm} → {w.Closes.UtcDateTime:yyyy-MM-dd HH:mm}  {StateOf(w, run.At)}");
        }

        if (run.Windows.Count == 0) await stdout.WriteLineAsync("  none: no quarter of the plan in force is open or overdue");

        await stdout.WriteLineAsync("Mails:");
        foreach (var item in run.Items)
        {
            var what = item.Kind == ReminderKind.WeeklyMissing
                ? $"weekly-missing {item.Week}" + (item.Periods is { Count: > 0 } periods ? $" ({string.Join(", ", periods)})" : "")
                : $"{item.Period} {item.Kind.Key(item.DaysBefore)} {item.Unit}";
            var to = item.Recipients is { Count: > 0 } r && item.Outcome is ReminderOutcome.Sent ? $" → {string.Join("; ", r)}" : "";
            await stdout.WriteLineAsync($"  {what}: {OutcomeName(item.Outcome)}, {item.Reason}{to}");
        }
        await stdout.WriteLineAsync(run.Complete
            ? $"{run.Sent} sent; nothing due left unsent."
            : $"{run.Sent} sent; {run.Items.Count(i => i.Incomplete)} left unsent: the next run sends them while their window is open.");
    }

    private static string StateOf(ReminderWindow window, DateTimeOffset at) =>
        window.Contains(at) ? "open" : at < window.Opens ? "upcoming" : "closed";

    private static string OutcomeName(ReminderOutcome outcome) => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());

    /// <summary>The <c>--json</c> shape (a contract, docs/follow-up.md).</summary>
    private sealed record Report(DateTimeOffset At, string Week, bool Complete, int Sent, IReadOnlyList<WindowEntry> Windows, IReadOnlyList<MailEntry> Mails)
    {
        public static Report Of(ReminderRun run) => new(run.At, run.Week, run.Complete, run.Sent,
            run.Windows.Select(w => new WindowEntry(w.Period.ToString(), w.Kind.Name(), w.DaysBefore, w.Key, w.Deadline, w.Opens, w.Closes, StateOf(w, run.At), w.Zone.Id)).ToList(),
            run.Items.Select(i => new MailEntry(i.Kind.Name(), i.Period?.ToString(), i.Unit, i.DaysBefore, i.Week,
                i.Periods?.Select(p => p.ToString()).ToList(), OutcomeName(i.Outcome), i.Reason, i.MessageKey, i.Recipients ?? [],
                i.Delivery?.Outcome.ToString())).ToList());
    }

    private sealed record WindowEntry(string Period, string Kind, int? DaysBefore, string Key, DateTimeOffset Deadline,
        DateTimeOffset Opens, DateTimeOffset Closes, string State, string Zone);

    private sealed record MailEntry(string Kind, string? Period, string? Unit, int? DaysBefore, string? Week, IReadOnlyList<string>? Periods,
        string Outcome, string Reason, string? MessageKey, IReadOnlyList<string> Recipients, string? Delivery);
}
