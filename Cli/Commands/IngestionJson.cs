using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Ingestion;

namespace ServerlessPlan.Cli.Commands;

/// <summary>What <c>ingest</c> and <c>replay</c> say about an ingestion's result mail, and the exit code they share.</summary>
internal static class IngestionJson
{
    /// <summary>The <c>mail</c> object: <c>{"outcome": "retry later", "messageKey", "lapsesAt"}</c>, or null when nothing is owed.</summary>
    public static object? Mail(IngestionResult result) => result.MailPending is { } pending
        ? new { outcome = ResultMailPending.OutcomeName, messageKey = pending.MessageKey, lapsesAt = pending.LapsesAt }
        : null;

    public static string RetryLaterLine(ResultMailPending pending) =>
        $"{ResultMailPending.OutcomeName}: the result mail {pending.MessageKey} is claimed by another run; it goes after {pending.LapsesAt:yyyy-MM-dd HH:mm:ss} UTC";

    public static int ExitCode(IngestionResult result) =>
        result.Outcome == IngestionOutcome.Rejected ? ExitCodes.Rejected
        : result.MailPending is not null ? ExitCodes.RetryLater
        : ExitCodes.Ok;
}
