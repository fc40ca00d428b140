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
}
