using Microsoft.Extensions.Logging;
using Polly.Retry;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// The requests one <see cref="SendGridMailSender.SendAsync"/> call has made. The SendGrid client builds its own
/// requests, so the retry handler cannot be handed the message it works for: the sender opens a scope that flows
/// (as an <see cref="AsyncLocal{T}"/>) into the handler, which counts and logs each retry against the mail's key.
/// </summary>
internal sealed class SendGridAttempts : IDisposable
{
    private static readonly AsyncLocal<SendGridAttempts?> Scope = new();

    private readonly string _messageKey;
    private readonly int _maxAttempts;
    private readonly ILogger _logger;
    private int _retries;

    private SendGridAttempts(string messageKey, int maxAttempts, ILogger logger)
    {
        _messageKey = messageKey;
        _maxAttempts = maxAttempts;
        _logger = logger;
    }

    public static SendGridAttempts? Current => Scope.Value;

    /// <summary>Requests made so far (the first one included).</summary>
    public int Count => _retries + 1;

    public static SendGridAttempts Begin(string messageKey, int maxAttempts, ILogger logger)
    {
        var attempts = new SendGridAttempts(messageKey, maxAttempts, logger);
        Scope.Value = attempts;
        return attempts;
    }

    public void Retrying(OnRetryArguments<HttpResponseMessage> args)
    {
        var attempt = Interlocked.Increment(ref _retries);
        if (args.Outcome.Exception is { } ex)
        {
            _logger.LogWarning(ex, "SendGrid unreachable for mail {MessageKey} on attempt {Attempt} of {MaxAttempts}; retrying in {Delay}",
                _messageKey, attempt, _maxAttempts, args.RetryDelay);
        }
        else
        {
            _logger.LogWarning("SendGrid answered {Status} for mail {MessageKey} on attempt {Attempt} of {MaxAttempts}; retrying in {Delay}",
                (int)args.Outcome.Result!.StatusCode, _messageKey, attempt, _maxAttempts, args.RetryDelay);
        }
    }

    public void Dispose() => Scope.Value = null;
}
