using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using ServerlessPlan.Core.Mail;

namespace ServerlessPlan.Tests.Support;

/// <summary>Test composition of the SendGrid client's retries, for hosts that test what is sent, not when.</summary>
public static class SendGridRetries
{
    /// <summary>Every retry at once: no backoff and no server hint, so a scripted outage costs no waiting.</summary>
    public static IServiceCollection RetryWithoutWaiting(this IServiceCollection services) =>
        services.PostConfigure<HttpRetryStrategyOptions>(SendGridMailSender.HttpClientName, retry =>
        {
            retry.Delay = TimeSpan.Zero;
            retry.DelayGenerator = null;
        });
}
