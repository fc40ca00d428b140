using System.Globalization;
using System.Net.Http.Headers;

namespace ServerlessPlan.Core.Mail;

/// <summary>When to try SendGrid again: the server's own hint when it gives one, exponential backoff otherwise.</summary>
internal static class SendGridBackoff
{
    /// <summary>No single wait exceeds this, whatever the server asks: a timer run should not hang for an hour.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Rate limiting and server faults are worth another try; other 4xx mean the request itself is wrong.</summary>
    public static bool IsRetryable(int status) => status == 429 || status >= 500;

    /// <param name="failedAttempt">1 for the wait after the first attempt.</param>
    /// <param name="jitter">A value in [0, 1).</param>
    public static TimeSpan NextDelay(int failedAttempt, HttpResponseHeaders? headers, DateTimeOffset now, double jitter)
    {
        if (ServerHint(headers, now) is { } hinted)
            return Cap(hinted);

        var backoff = Cap(BaseDelay * Math.Pow(2, Math.Min(failedAttempt - 1, 16)));
        // Equal jitter: never less than half the backoff, so concurrent senders spread out yet still back off.
        return backoff / 2 + backoff / 2 * jitter;
    }

    /// <summary><c>Retry-After</c> (seconds or HTTP date), else SendGrid's <c>X-RateLimit-Reset</c> (unix seconds).</summary>
    internal static TimeSpan? ServerHint(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        if (headers is null) return null;

        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return NotNegative(delta);
            if (retryAfter.Date is { } date) return NotNegative(date - now);
        }

        if (headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
            return NotNegative(DateTimeOffset.FromUnixTimeSeconds(epoch) - now);

        return null;
    }

    private static TimeSpan Cap(TimeSpan wait) => wait > MaxWait ? MaxWait : wait;

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
