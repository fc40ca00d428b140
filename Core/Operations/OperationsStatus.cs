namespace ServerlessPlan.Core.Operations;

/// <summary>
/// What operators need to see at a glance (<c>serverlessplan status</c>, <c>/coalition/operations</c>): the last
/// digest slots and reminder runs, uploads without a verdict, what the platform dead-lettered, and result mails owed.
/// <see cref="Attention"/> lists what needs someone; empty means healthy.
/// </summary>
public sealed record OperationsStatus(
    DateTimeOffset CheckedAt,
    IReadOnlyList<DigestSlotStatus> DigestSlots,
    IReadOnlyList<ReminderRunStatus> ReminderRuns,
    IReadOnlyList<StuckUpload> StuckUploads,
    IReadOnlyList<PoisonMessage> PoisonMessages,
    IReadOnlyList<DeadLetteredEvent> DeadLetters,
    IReadOnlyList<PendingResultMail> PendingMails,
    IReadOnlyList<AttentionItem> Attention)
{
    public bool Healthy => Attention.Count == 0;
}

/// <summary>One scheduled digest slot: its row's state, or <c>Missing</c> when no run recorded it.</summary>
public sealed record DigestSlotStatus(DateTimeOffset Slot, string Period, string State, DateTimeOffset? SentAt, string? Error, string? SupersededBy);

/// <summary>One run of the reminder timer.</summary>
public sealed record ReminderRunStatus(DateTimeOffset RanAt, DateTimeOffset At, string Week, int Decided, int Sent, bool Complete);

/// <summary>
/// An upload without a verdict: its blob has no arrival recorded after it was written (the trigger never finished), or
/// its merge began and never committed (a history entry still <c>Pending</c>).
/// </summary>
public sealed record StuckUpload(string UploadBlob, DateTimeOffset Since, string Reason);

/// <summary>An upload the blob trigger gave up on after five attempts (a message in its poison queue).</summary>
public sealed record PoisonMessage(string MessageId, string UploadBlob, DateTimeOffset? InsertedAt, string? FunctionId);

/// <summary>A BlobCreated event Event Grid could not deliver, from its dead-letter blob.</summary>
public sealed record DeadLetteredEvent(string DeadLetterBlob, string? UploadBlob, DateTimeOffset? EventTime, string? Reason, int? DeliveryAttempts,
    string? LastDeliveryOutcome, DateTimeOffset? ReplayedAt);

/// <summary>Something that needs someone: a stable <see cref="Code"/> and what it is about.</summary>
public sealed record AttentionItem(string Code, string Subject);

/// <summary>The stable codes of <see cref="AttentionItem"/> (CLI JSON, the page, the runbook's headings).</summary>
public static class AttentionCodes
{
    public const string DigestMissed = "DIGEST_MISSED";
    public const string DigestFailed = "DIGEST_FAILED";
    public const string RemindersMissed = "REMINDERS_MISSED";
    public const string RemindersIncomplete = "REMINDERS_INCOMPLETE";
    public const string UploadWithoutVerdict = "UPLOAD_WITHOUT_VERDICT";
    public const string PoisonMessage = "POISON_MESSAGE";
    public const string DeadLetter = "DEAD_LETTER";
    public const string MailOwed = "MAIL_OWED";
}
