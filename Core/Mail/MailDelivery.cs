namespace ServerlessPlan.Core.Mail;

/// <summary>What became of a message handed to an <see cref="IMailSender"/>.</summary>
/// <param name="Outcome">Sent to the provider, or written to the outbox instead.</param>
/// <param name="MessageKey">The message's <see cref="OutgoingMail.MessageKey"/>.</param>
/// <param name="Attempts">Requests made to the provider (1 for the outbox).</param>
/// <param name="ProviderMessageId">SendGrid's <c>X-Message-Id</c>, when it sent one.</param>
/// <param name="OutboxBlobPrefix">Blob folder written, <c>{yyyy-MM-dd}/{MessageKey}/</c> in the outbox container.</param>
/// <param name="OutboxDirectory">Local folder written, when <see cref="MailOptions.OutboxDirectory"/> is set.</param>
public sealed record MailDelivery(
    MailOutcome Outcome,
    string MessageKey,
    int Attempts,
    string? ProviderMessageId = null,
    string? OutboxBlobPrefix = null,
    string? OutboxDirectory = null);

public enum MailOutcome
{
    Sent,
    WrittenToOutbox,
}
