using ServerlessPlan.Core.Mail;

namespace ServerlessPlan.Tests.Unit.Infra;

public sealed class SendDigestMetadataTests
{
    [Fact]
    public void SendDigest_is_a_timer_trigger_on_the_DigestSchedule_setting()
    {
        var function = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == "SendDigest")!;

        var trigger = Assert.Single(function["bindings"]!.AsArray())!;
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("%DigestSchedule%", (string?)trigger["schedule"]);
        Assert.Equal("In", (string?)trigger["direction"]);
    }

    /// <summary>
    /// The host retries a failed digest run itself; the retries must reach past the claim's lease, so that a run that
    /// died holding the slot is taken over within the same firing, and end within the week before the next one.
    /// </summary>
    [Fact]
    public void SendDigest_carries_an_exponential_retry_policy_that_outlasts_the_claim_lease()
    {
        var function = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == "SendDigest")!;

        var retry = function["retry"]!;
        Assert.Equal("exponentialBackoff", (string?)retry["strategy"]);
        var count = (int)retry["maxRetryCount"]!;
        var min = TimeSpan.Parse((string)retry["minimumInterval"]!);
        var max = TimeSpan.Parse((string)retry["maximumInterval"]!);
        var total = Enumerable.Range(0, count).Select(i => TimeSpan.FromTicks(Math.Min(max.Ticks, min.Ticks << i))).Aggregate(TimeSpan.Zero, (a, b) => a + b);

        Assert.InRange(count, 1, 10);
        Assert.True(total > SendClaimTimings.Default.Lease, $"retries span {total}, not past the {SendClaimTimings.Default.Lease} lease");
        Assert.True(total < TimeSpan.FromDays(1), $"retries span {total}");
    }
}
