using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>status [--json]</c>: the operations status (<see cref="OperationsStatusService"/>): exit 0 when healthy, 5 when
/// something needs attention (each item named by a stable code, as the runbook's headings are).
/// </summary>
public sealed class StatusCommand(OperationsStatusService status) : ICliCommand
{
    public string Name => "status";

    public string Usage => "status [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var json = arguments.Switch("json");
        arguments.RejectUnknown(maxPositionals: 0);

        var s = await status.ReadAsync(cancellationToken);
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                healthy = s.Healthy,
                checkedAt = s.CheckedAt,
                attention = s.Attention,
                digestSlots = s.DigestSlots,
                reminderRuns = s.ReminderRuns,
                stuckUploads = s.StuckUploads,
                poisonMessages = s.PoisonMessages,
                deadLetters = s.DeadLetters,
                pendingMails = s.PendingMails.Select(m => new { m.Unit, m.Period, m.SubmissionId, m.UploadBlob, m.Verdict, m.ClaimedAt, m.LapsesAt, lapsed = m.Lapsed(s.CheckedAt) }),
            }, ValidationReport.JsonOptions));
        }
        else
        {
            await PrintAsync(stdout, s);
        }
        return s.Healthy ? ExitCodes.Ok : ExitCodes.NeedsAttention;
    }

    private static async Task PrintAsync(TextWriter o, OperationsStatus s)
    {
        await o.WriteLineAsync(s.Healthy ? $"healthy at {s.CheckedAt:yyyy-MM-dd HH:mm} UTC" : $"NEEDS ATTENTION at {s.CheckedAt:yyyy-MM-dd HH:mm} UTC: {Counted.Of(s.Attention.Count, "item", "items")}");
        foreach (var a in s.Attention) await o.WriteLineAsync($"  {a.Code,-24} {a.Subject}");
        await o.WriteLineAsync("digest slots (UTC):");
        foreach (var d in s.DigestSlots) await o.WriteLineAsync($"  {d.Slot:yyyy-MM-dd HH:mm}  {d.State,-10} {d.Period} {d.Error}");
        await o.WriteLineAsync("reminder runs (UTC):");
        foreach (var r in s.ReminderRuns) await o.WriteLineAsync($"  {r.RanAt:yyyy-MM-dd HH:mm}  {r.Sent} sent of {r.Decided} decided{(r.Complete ? "" : ", INCOMPLETE")}");
        foreach (var u in s.StuckUploads) await o.WriteLineAsync($"upload without verdict: {u.UploadBlob} since {u.Since:yyyy-MM-dd HH:mm} UTC ({u.Reason})");
        foreach (var p in s.PoisonMessages) await o.WriteLineAsync($"poison message: {p.UploadBlob} ({p.InsertedAt:yyyy-MM-dd HH:mm} UTC)");
        foreach (var d in s.DeadLetters) await o.WriteLineAsync($"dead-letter: {d.UploadBlob ?? d.DeadLetterBlob} ({d.Reason}){(d.ReplayedAt is { } at ? $", replayed {at:yyyy-MM-dd HH:mm} UTC" : "")}");
        foreach (var m in s.PendingMails) await o.WriteLineAsync($"result mail owed: {m.Unit} {m.Period} {m.UploadBlob}, claim lapses {m.LapsesAt:yyyy-MM-dd HH:mm} UTC");
    }
}
