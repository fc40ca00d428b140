namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// "Retry later": the upload was merged (or found a duplicate), but its result mail is claimed by another run that has
/// not finished — a slow one, or one that died after claiming. This delivery cannot tell which, so it leaves the mail
/// to whoever comes after <see cref="LapsesAt"/>: the rival's mark, or <c>SendPendingResultMails</c> taking the lapsed
/// claim over. Nothing is lost and nothing is sent twice.
/// </summary>
/// <param name="MessageKey">The mail's idempotency key (<c>SubmissionResultMail.MessageKey</c>).</param>
/// <param name="LapsesAt">When the other run's claim lapses and the mail may be sent by another run.</param>
public sealed record ResultMailPending(string MessageKey, DateTimeOffset LapsesAt)
{
    /// <summary>The outcome's stable name (CLI JSON, logs, telemetry).</summary>
    public const string OutcomeName = "retry later";
}
