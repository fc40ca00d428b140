using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Operations;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>replay --blob PATH | --dead-letters [--json]</c>: processes uploads again through the ingestion the trigger runs
/// (an upload already merged comes back a duplicate and changes nothing). <c>--dead-letters</c> takes Event Grid's
/// dead-lettered events and the blob trigger's poison messages. Exit 0 when every replay reached a verdict, 1 when one
/// failed again, 3 when the blob does not exist or there was nothing to replay, 6 when a result mail is left to a later run.
/// </summary>
public sealed class ReplayCommand(DeadLetterReplay replay, CliPlans plans) : ICliCommand
{
    public string Name => "replay";

    public string Usage => "replay --blob PATH | --dead-letters [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json", "dead-letters");
        var json = arguments.Switch("json");
        var all = arguments.Switch("dead-letters");
        var blob = arguments.Option("blob");
        arguments.RejectUnknown(maxPositionals: 0);
        if ((blob is null) == !all) throw new UsageException("give either --blob PATH or --dead-letters");
        // The ingestion reads the plans in force, published ones included, as the host does at start.
        await plans.InForceAsync(cancellationToken);

        IReadOnlyList<ReplayedUpload> replayed = all
            ? await replay.ReplayAllAsync(cancellationToken)
            : [await replay.ReplayBlobAsync("blob", blob!, cancellationToken)];

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                replayed = replayed.Select(r => new
                {
                    source = r.Source,
                    blob = r.UploadBlob,
                    outcome = r.Failed ? "failed" : r.Result?.Outcome.ToString() ?? "missing",
                    submissionId = r.Result?.SubmissionId,
                    mail = r.Result is null ? null : IngestionJson.Mail(r.Result),
                    error = r.Error,
                }),
            }, ValidationReport.JsonOptions));
        }
        else
        {
            if (replayed.Count == 0) await stdout.WriteLineAsync("nothing to replay");
            foreach (var r in replayed)
            {
                var outcome = r.Failed ? $"failed again: {r.Error}" : r.Result?.Outcome.ToString() ?? "missing: the upload no longer exists";
                await stdout.WriteLineAsync($"{r.Source}: {r.UploadBlob} → {outcome}");
                if (r.Result?.MailPending is { } pending) await stdout.WriteLineAsync("  " + IngestionJson.RetryLaterLine(pending));
            }
        }

        if (replayed.Any(r => r.Failed)) return ExitCodes.Rejected;
        if (replayed.Count == 0 || replayed.All(r => r.Result is null)) return ExitCodes.NoData;
        return replayed.Any(r => r.Result?.MailPending is not null) ? ExitCodes.RetryLater : ExitCodes.Ok;
    }
}
