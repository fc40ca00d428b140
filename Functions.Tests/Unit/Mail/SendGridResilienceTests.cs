using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ServerlessPlan.Core.Mail;

namespace ServerlessPlan.Tests.Unit.Mail;

/// <summary>The retry policy of the SendGrid client's handler, asked directly (the integration tests send for real).</summary>
public sealed class SendGridResilienceTests
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
    public async Task Retries_only_rate_limits_and_server_errors(int status, bool retryable)
    {
        Assert.Equal(retryable, SendGridResilience.IsRetryable((HttpStatusCode)status));
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        Assert.Equal(retryable, await Options().ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(Context(), Outcome.FromResult(response), 0)));
    }

    [Fact]
    public async Task Retries_network_failures_and_timed_out_attempts()
    {
        var retry = Options();
        Assert.True(await retry.ShouldHandle(new(Context(), Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused")), 0)));
        Assert.True(await retry.ShouldHandle(new(Context(), Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), 0)));
        Assert.False(await retry.ShouldHandle(new(Context(), Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), 0)));
    }

    [Theory]
    [InlineData(5, 4)]
    [InlineData(2, 1)]
    public void Makes_MaxAttempts_requests_in_all(int maxAttempts, int retries) =>
        Assert.Equal(retries, Options(maxAttempts).MaxRetryAttempts);

    [Fact]
    public async Task Honours_a_Retry_After_given_as_an_HTTP_date()
    {
        // The library reads a dated Retry-After against the system clock.
        using var response = Response(h => h.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(12)));

        var wait = await DelayAsync(response);

        Assert.InRange(wait!.Value, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task Prefers_Retry_After_over_X_RateLimit_Reset()
    {
        using var response = Response(h =>
        {
            h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            h.Add("X-RateLimit-Reset", Now.AddSeconds(40).ToUnixTimeSeconds().ToString());
        });

        Assert.Equal(TimeSpan.FromSeconds(3), await DelayAsync(response));
    }

    [Fact]
    public async Task Waits_until_X_RateLimit_Reset_by_the_apps_clock_and_at_once_when_it_has_passed()
    {
        using var ahead = Response(h => h.Add("X-RateLimit-Reset", Now.AddSeconds(7).ToUnixTimeSeconds().ToString()));
        using var passed = Response(h => h.Add("X-RateLimit-Reset", Now.AddSeconds(-5).ToUnixTimeSeconds().ToString()));

        Assert.Equal(TimeSpan.FromSeconds(7), await DelayAsync(ahead));
        Assert.Equal(TimeSpan.Zero, await DelayAsync(passed));
    }

    [Fact]
    public async Task Caps_a_server_hint_at_MaxWait()
    {
        using var response = Response(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)));

        Assert.Equal(SendGridResilience.MaxWait, await DelayAsync(response));
    }

    [Fact]
    public async Task Without_a_server_hint_backs_off_exponentially_with_jitter_up_to_MaxWait()
    {
        using var response = Response(_ => { });
        var retry = Options();

        Assert.Null(await DelayAsync(response));
        Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
        Assert.True(retry.UseJitter);
        Assert.Equal(SendGridResilience.MaxWait, retry.MaxDelay);
    }

    private static HttpRetryStrategyOptions Options(int maxAttempts = 5)
    {
        var retry = new HttpRetryStrategyOptions();
        SendGridResilience.Configure(retry, maxAttempts, new FakeTimeProvider(Now));
        return retry;
    }

    private static Task<TimeSpan?> DelayAsync(HttpResponseMessage response) =>
        Options().DelayGenerator!(new RetryDelayGeneratorArguments<HttpResponseMessage>(Context(), Outcome.FromResult(response), 0)).AsTask();

    private static ResilienceContext Context() => ResilienceContextPool.Shared.Get();

    private static HttpResponseMessage Response(Action<HttpResponseHeaders> headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        headers(response.Headers);
        return response;
    }
}
