using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;
using SendGrid.Helpers.Reliability;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// Sends through SendGrid's v3 API with the official client. Its named <see cref="HttpClient"/> retries 429, 5xx,
/// network failures and timed-out attempts (<see cref="SendGridResilience"/>); any other non-2xx is a rejection.
/// </summary>
public sealed class SendGridMailSender(
    IHttpClientFactory httpClientFactory,
    IOptions<MailOptions> options,
    ILogger<SendGridMailSender> logger) : IMailSender
{
    /// <summary>Name of the <see cref="HttpClient"/> registered for SendGrid (tests point it at a local endpoint).</summary>
    public const string HttpClientName = "SendGrid";

    /// <summary>The <c>custom_args</c> key carrying <see cref="OutgoingMail.MessageKey"/> into SendGrid's event data.</summary>
    public const string MessageKeyArg = "message_key";

    private const string UnresolvedKeyVaultPrefix = "@Microsoft.KeyVault(";
    private const int MaxLoggedBody = 2000;

    public async Task<MailDelivery> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        mail.EnsureValid();
        var settings = options.Value;
        var client = CreateClient(settings);
        var message = BuildMessage(mail, settings);

        using var attempts = SendGridAttempts.Begin(mail.MessageKey, settings.MaxAttempts, logger);
        Response response;
        try
        {
            response = await client.SendEmailAsync(message, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "SendGrid unreachable for mail {MessageKey} after {Attempts} attempts", mail.MessageKey, attempts.Count);
            throw new MailDeliveryException(mail.MessageKey, null, null, attempts.Count, ex);
        }

        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            var messageId = response.Headers?.TryGetValues("X-Message-Id", out var ids) == true ? ids.FirstOrDefault() : null;
            logger.LogInformation(
                "Sent mail {MessageKey} to {Recipients} recipient(s) via SendGrid in {Attempts} attempt(s); message id {ProviderMessageId}",
                mail.MessageKey, mail.To.Count, attempts.Count, messageId);
            return new MailDelivery(MailOutcome.Sent, mail.MessageKey, attempts.Count, ProviderMessageId: messageId);
        }

        var body = await ReadBodyAsync(response, ct);
        if (SendGridResilience.IsRetryable(response.StatusCode))
        {
            logger.LogError("SendGrid did not accept mail {MessageKey} after {Attempts} attempts; last {Status}: {Body}",
                mail.MessageKey, attempts.Count, status, body);
        }
        else
        {
            logger.LogError("SendGrid rejected mail {MessageKey} with {Status}: {Body}", mail.MessageKey, status, body);
        }

        throw new MailDeliveryException(mail.MessageKey, status, body, attempts.Count);
    }

    private SendGridClient CreateClient(MailOptions settings)
    {
        var key = settings.SendGridApiKey;
        if (key is not null && key.TrimStart().StartsWith(UnresolvedKeyVaultPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // App Service leaves the literal reference in place when it cannot resolve it; sending it would only earn a 401.
            logger.LogError("Mail__SendGridApiKey holds an unresolved Key Vault reference; check the app's identity has Key Vault Secrets User and the secret exists");
            throw new MailConfigurationException(
                "Mail__SendGridApiKey holds an unresolved Key Vault reference; check the app's identity has Key Vault Secrets User and the secret exists.");
        }
        if (string.IsNullOrWhiteSpace(key))
            throw new MailConfigurationException("Mail__SendGridApiKey is empty: SendGrid cannot be used (the outbox sender should have been chosen).");

        var clientOptions = new SendGridClientOptions
        {
            ApiKey = key,
            HttpErrorAsException = false,
            // With an injected HttpClient the client's retry handler is not in the pipeline anyway; 0 retries states
            // that the policy is the named client's (SendGridResilience), not a second one stacked under it.
            ReliabilitySettings = new ReliabilitySettings(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero),
        };
        if (!string.IsNullOrWhiteSpace(settings.SendGridHost))
            clientOptions.Host = settings.SendGridHost;

        return new SendGridClient(httpClientFactory.CreateClient(HttpClientName), clientOptions);
    }

    internal static SendGridMessage BuildMessage(OutgoingMail mail, MailOptions settings)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(settings.FromAddress, settings.FromName),
            Subject = mail.Subject,
            PlainTextContent = mail.TextBody,
            HtmlContent = mail.HtmlBody,
        };
        message.AddTos(mail.To.Select(r => new EmailAddress(r.Address, r.Name)).ToList());
        if (mail.Cc.Count > 0)
            message.AddCcs(mail.Cc.Select(r => new EmailAddress(r.Address, r.Name)).ToList());
        foreach (var attachment in mail.Attachments)
            message.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        // Message-level custom_args (not per personalization), so every recipient's events carry the key.
        message.CustomArgs = new Dictionary<string, string> { [MessageKeyArg] = mail.MessageKey };
        if (!string.IsNullOrWhiteSpace(mail.Category))
            message.AddCategory(mail.Category);
        return message;
    }

    private static async Task<string> ReadBodyAsync(Response response, CancellationToken ct)
    {
        if (response.Body is null) return "";
        var body = await response.Body.ReadAsStringAsync(ct);
        return body.Length <= MaxLoggedBody ? body : body[..MaxLoggedBody] + "…";
    }
}
