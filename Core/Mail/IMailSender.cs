namespace ServerlessPlan.Core.Mail;

/// <summary>
/// Delivers one message. Throws <see cref="MailDeliveryException"/> when the provider refuses it or stays unavailable,
/// <see cref="MailConfigurationException"/> when the sender is misconfigured; both are faults the host may retry.
/// </summary>
public interface IMailSender
{
    Task<MailDelivery> SendAsync(OutgoingMail mail, CancellationToken ct);
}
