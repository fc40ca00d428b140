using System.Net.Http.Headers;
using ServerlessPlan.Core.Mail;

namespace ServerlessPlan.Tests.Unit.Mail;

public sealed class SendGridBackoffTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 15, 13, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(413, false)]
    public void Retries_only_rate_limits_and_server_errors(int status, bool retryable) =>
        Assert.Equal(retryable, SendGridBackoff.IsRetryable(status));

    [Fact]
    public void Honours_a_Retry_After_given_as_an_HTTP_date()
    {
        var headers = Headers();
        headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), SendGridBackoff.NextDelay(1, headers, Now, jitter: 0.9));
    }

    [Fact]
    public void Prefers_Retry_After_over_X_RateLimit_Reset()
    {
        var headers = Headers();
        headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        headers.Add("X-RateLimit-Reset", Now.AddSeconds(40).ToUnixTimeSeconds().ToString());

        Assert.Equal(TimeSpan.FromSeconds(3), SendGridBackoff.NextDelay(1, headers, Now, jitter: 0.5));
    }

    [Fact]
    public void Retries_at_once_when_the_rate_limit_reset_has_already_passed()
    {
        var headers = Headers();
        headers.Add("X-RateLimit-Reset", Now.AddSeconds(-5).ToUnixTimeSeconds().ToString());

        Assert.Equal(TimeSpan.Zero, SendGridBackoff.NextDelay(2, headers, Now, jitter: 0.5));
    }

    [Theory]
    [InlineData(1, 0.0, 0.5)]
    [InlineData(1, 0.999, 0.9995)]
    [InlineData(3, 0.0, 2.0)]
    [InlineData(4, 0.5, 6.0)]
    [InlineData(12, 0.0, 30.0)]
    [InlineData(12, 0.999, 59.97)]
    public void Backs_off_exponentially_with_jitter_and_a_cap_without_a_server_hint(int attempt, double jitter, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, SendGridBackoff.NextDelay(attempt, Headers(), Now, jitter).TotalSeconds, precision: 3);

    private static HttpResponseHeaders Headers() => new HttpResponseMessage().Headers;
}
