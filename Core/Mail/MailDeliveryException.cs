namespace ServerlessPlan.Core.Mail;

/// <summary>The provider refused the message, or did not accept it within the allowed attempts.</summary>
public sealed class MailDeliveryException(string messageKey, int? status, string? body, int attempts, Exception? inner = null)
    : Exception(
        status is null
            ? $"Mail {messageKey} was not delivered after {attempts} attempt(s): {inner?.Message}"
            : $"Mail {messageKey} was not delivered after {attempts} attempt(s): SendGrid answered {status}.",
        inner)
{
    public string MessageKey { get; } = messageKey;

    /// <summary>Last HTTP status from the provider; null when the last attempt failed without a response.</summary>
    public int? Status { get; } = status;

    /// <summary>Last response body (truncated), which carries SendGrid's explanation.</summary>
    public string? Body { get; } = body;

    public int Attempts { get; } = attempts;
}
