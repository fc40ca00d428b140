using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// How the SendGrid client's named <see cref="HttpClient"/> retries, as <c>Microsoft.Extensions.Http.Resilience</c>
/// handlers: 429, 5xx, network failures and attempts that time out are tried again, up to <c>Mail__MaxAttempts</c>
/// requests, after the server's own hint (<c>Retry-After</c>, else SendGrid's <c>X-RateLimit-Reset</c>) or an
/// exponential backoff with jitter, never waiting more than <see cref="MaxWait"/>. Any other status is an answer.
/// </summary>
public static class SendGridResilience
{
    /// <summary>No single wait exceeds this, whatever the server asks: a timer run should not hang for an hour.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take before it counts as failed and is retried.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The retry (outer) and per-attempt timeout (inner) handlers, each configured by named options
    /// (<see cref="HttpRetryStrategyOptions"/>, <see cref="HttpTimeoutStrategyOptions"/>, named after the client) that
    /// tests may post-configure. The waits between attempts follow the app's <see cref="TimeProvider"/>; an attempt's
    /// timeout measures the network, so it always runs on the system clock.
    /// </summary>
    public static IHttpClientBuilder AddSendGridResilience(this IHttpClientBuilder builder)
    {
        var name = builder.Name;
        builder.Services.AddOptions<HttpRetryStrategyOptions>(name)
            .Configure<IOptions<MailOptions>, TimeProvider>((retry, mail, time) => Configure(retry, mail.Value.MaxAttempts, time));
        builder.Services.AddOptions<HttpTimeoutStrategyOptions>(name).Configure(timeout => timeout.Timeout = AttemptTimeout);

        builder.AddResilienceHandler("retry", (pipeline, context) =>
        {
            var retry = context.GetOptions<HttpRetryStrategyOptions>(name);
            if (context.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value.MaxAttempts > 1)
                pipeline.AddRetry(retry);
        });
        builder.AddResilienceHandler("attempt", (pipeline, context) =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(context.GetOptions<HttpTimeoutStrategyOptions>(name));
        });
        return builder;
    }

    /// <summary>Rate limiting and server faults are worth another try; other statuses mean the request itself is wrong.</summary>
    public static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// <c>Retry-After</c> (the library's reading: seconds or an HTTP date), else <c>X-RateLimit-Reset</c> (unix seconds)
    /// against <paramref name="time"/>, capped at <see cref="MaxWait"/>; null when the response gives no hint.
    /// </summary>
    internal static async ValueTask<TimeSpan?> ServerHintAsync(
        Func<RetryDelayGeneratorArguments<HttpResponseMessage>, ValueTask<TimeSpan?>>? retryAfter,
        RetryDelayGeneratorArguments<HttpResponseMessage> args, TimeProvider time)
    {
        var hint = retryAfter is null ? null : await retryAfter(args);
        if (hint is null && args.Outcome.Result is { } response
            && response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            hint = DateTimeOffset.FromUnixTimeSeconds(epoch) - time.GetUtcNow();
        }

        if (hint is not { } wait) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
    }

    internal static void Configure(HttpRetryStrategyOptions retry, int maxAttempts, TimeProvider time)
    {
        retry.MaxRetryAttempts = Math.Max(1, maxAttempts - 1);
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.Delay = BaseDelay;
        retry.MaxDelay = MaxWait;
        retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } response } => IsRetryable(response.StatusCode),
            _ => false,
        });
        retry.ShouldRetryAfterHeader = true;
        var retryAfter = retry.DelayGenerator;
        retry.DelayGenerator = args => ServerHintAsync(retryAfter, args, time);
        retry.OnRetry = args =>
        {
            SendGridAttempts.Current?.Retrying(args);
            return ValueTask.CompletedTask;
        };
    }
}
