using ServerlessPlan.Core.Telemetry;
using System.Diagnostics;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// The chosen <see cref="IMailSender"/> (SendGrid or the outbox), measured: each send is a <c>mail.send</c> span (a
/// child of the upload's trace for a result mail) and counts in <see cref="PlanTelemetry.MailSent"/> or
/// <see cref="PlanTelemetry.MailFailures"/> by the mail's category. No recipient is ever a tag.
/// </summary>
public sealed class MeasuredMailSender(IMailSender inner, PlanTelemetry telemetry) : IMailSender
{
    /// <summary>The sender measured: SendGrid, or the outbox when no key is configured.</summary>
    public IMailSender Inner => inner;

    public async Task<MailDelivery> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var kind = mail.Category ?? "other";
        using var activity = PlanTelemetry.Source.StartActivity(PlanTelemetry.Spans.MailSend);
        activity?.SetTag("kind", kind);
        try
        {
            var delivery = await inner.SendAsync(mail, ct);
            var outcome = delivery.Outcome == MailOutcome.Sent ? "sent" : "outbox";
            activity?.SetTag("outcome", outcome);
            telemetry.MailSentTo(kind, outcome);
            return delivery;
        }
        catch (Exception ex) when (ex is MailDeliveryException or MailConfigurationException)
        {
            var status = ex switch
            {
                MailDeliveryException { Status: { } code } => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                MailDeliveryException => "unreachable",
                _ => "configuration",
            };
            activity?.SetStatus(ActivityStatusCode.Error, status);
            telemetry.MailFailed(kind, status);
            throw;
        }
    }
}
