using ServerlessPlan.Core.Mail;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>The timer functions as functions.metadata declares them: each on its schedule setting, each with a retry policy.</summary>
public sealed class TimerFunctionsMetadataTests
{
    public static TheoryData<string, string> Timers() => new()
    {
        { "SendDigest", "%DigestSchedule%" },
        { "SendReminders", "%ReminderSchedule%" },
    };

    public static TheoryData<string> TimerNames() => ["SendDigest", "SendReminders"];

    [Theory]
    [MemberData(nameof(Timers))]
    public void Timer_function_is_a_timer_trigger_on_its_schedule_setting(string name, string schedule)
    {
        var function = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == name)!;

        var trigger = Assert.Single(function["bindings"]!.AsArray())!;
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal(schedule, (string?)trigger["schedule"]);
        Assert.Equal("In", (string?)trigger["direction"]);
    }

    /// <summary>
    /// The host retries a failed run itself; the retries must reach past the claim's lease, so that a run that died
    /// holding a mail's claim is taken over within the same firing, and end within the day, before the next firing.
    /// </summary>
    [Theory]
    [MemberData(nameof(TimerNames))]
    public void Timer_function_carries_an_exponential_retry_policy_that_outlasts_the_claim_lease(string name)
    {
        var function = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == name)!;

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

    /// <summary>
    /// The sweep of lapsed result-mail claims runs on a constant five-minute schedule (not a setting) and without a
    /// retry policy: a failed sweep is the next sweep's work.
    /// </summary>
    [Fact]
    public void Pending_result_mails_are_swept_every_five_minutes()
    {
        var function = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == "SendPendingResultMails")!;

        var trigger = Assert.Single(function["bindings"]!.AsArray())!;
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("0 */5 * * * *", (string?)trigger["schedule"]);
        Assert.Null(function["retry"]);
    }

    /// <summary>
    /// The operations status is read into telemetry every half hour, on a constant schedule and without a retry policy
    /// (the next reading is the retry): the alerts on a missed digest, a poison message or a silent app read it.
    /// </summary>
    [Fact]
    public void Operations_are_checked_every_half_hour()
    {
        var function = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == "CheckOperations")!;

        var trigger = Assert.Single(function["bindings"]!.AsArray())!;
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal(ServerlessPlan.Functions.CheckOperations.Schedule, (string?)trigger["schedule"]);
        Assert.Equal("0 */30 * * * *", (string?)trigger["schedule"]);
        Assert.Null(function["retry"]);
    }

    /// <summary>
    /// The exports container is brought up to the record on a constant five-minute schedule (not a setting), without a
    /// retry policy: a failed publication is the next run's work (docs/data.md, "In storage").
    /// </summary>
    [Fact]
    public void Open_data_exports_are_published_every_five_minutes()
    {
        var function = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == "PublishExports")!;

        var trigger = Assert.Single(function["bindings"]!.AsArray())!;
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("0 */5 * * * *", (string?)trigger["schedule"]);
        Assert.Null(function["retry"]);
    }
}
