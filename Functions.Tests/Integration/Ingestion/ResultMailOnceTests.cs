using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Core.Telemetry;
using ServerlessPlan.Functions;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>
/// At most one result mail per unit, period and content, even when deliveries race, die after claiming or meet a
/// provider outage: Azurite, and the real SendGrid client against a local endpoint that counts what it receives.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ResultMailOnceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Period = "2021-Q3";
    private const string Partition = "2021-Q3|GT";
    private static readonly SendClaimTimings Timings = SendClaimTimings.Default with { Wait = TimeSpan.FromSeconds(3), Poll = TimeSpan.FromMilliseconds(50) };

    private readonly FakeSendGridServer _server = FakeSendGridServer.Start();
    private readonly string _outbox = Directory.CreateTempSubdirectory("result-once-outbox").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 10, 20, 9, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_outbox, recursive: true);
    }

    private IngestionHost Host(TestStorage storage) => new(storage, _outbox, extraSettings: new Dictionary<string, string?>
    {
        ["Mail:SendGridApiKey"] = "SG.test-key-not-a-secret",
        ["Mail:SendGridHost"] = _server.BaseUrl,
        ["Mail:MaxAttempts"] = "2",
    }, time: _clock, claimTimings: Timings);

    private int ResultMails(string submissionId) => _server.Requests.Count(r =>
        JsonDocument.Parse(r.Body).RootElement.GetProperty("custom_args").GetProperty(SendGridMailSender.MessageKeyArg).GetString()
            == SubmissionResultMail.MessageKey("GT", ReportingPeriod.Parse(Period), submissionId));

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Concurrent_deliveries_of_the_same_blob_mail_once(int deliveries)
    {
        var storage = new TestStorage(azurite);
        var hosts = Enumerable.Range(0, deliveries).Select(_ => Host(storage)).ToList();
        try
        {
            var bytes = FilledSheet.Complete("GT", Period).Build();
            var blob = await hosts[0].UploadAsync($"GT/{Period}/informe.xlsx", bytes);
            for (var i = 0; i < deliveries; i++) _server.Respond(202);

            var results = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.IngestAsync(blob))));

            Assert.Single(results, r => r.Outcome == IngestionOutcome.Accepted);
            Assert.Equal(1, ResultMails(Sha256(bytes)));
            Assert.Single(_server.Requests);
            var entry = Assert.Single(await HistoryAsync(hosts[0], Period));
            Assert.NotNull(entry.NotifiedAt);
            Assert.Equal(SubmissionStatus.Current, entry.StatusValue);
        }
        finally
        {
            foreach (var h in hosts) h.Dispose();
        }
    }

    [Fact]
    public async Task Concurrent_deliveries_of_a_rejected_blob_mail_once_and_keep_the_mark()
    {
        var storage = new TestStorage(azurite);
        using var a = Host(storage);
        using var b = Host(storage);
        var bytes = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "mucho").Build();
        var blob = await a.UploadAsync($"GT/{Period}/informe.xlsx", bytes);
        _server.Respond(202).Respond(202);

        await Task.WhenAll(Task.Run(() => a.IngestAsync(blob)), Task.Run(() => b.IngestAsync(blob)));
        // A third, late delivery rewrites the rejected entry: it must not erase the mark and mail again.
        using var c = Host(storage);
        await c.IngestAsync(blob);

        Assert.Equal(1, ResultMails(Sha256(bytes)));
        var entry = Assert.Single(await HistoryAsync(a, Period));
        Assert.Equal(SubmissionStatus.Rejected, entry.StatusValue);
        Assert.NotNull(entry.NotifiedAt);
    }

    [Fact]
    public async Task A_delivery_whose_run_died_after_claiming_is_mailed_once_by_a_delivery_after_the_lease()
    {
        var storage = new TestStorage(azurite);
        using var host = Host(storage);
        using var retryLater = new MetricRecorder(host.Get<PlanTelemetry>().Meter, PlanTelemetry.MailRetryLater);
        var bytes = FilledSheet.Complete("GT", Period).Build();
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", bytes);
        var id = Sha256(bytes);
        // The first delivery merged, claimed the mail and died before sending.
        await host.Ingestor.MergeAsync(blob, default);
        Assert.Equal(NoticeClaimOutcome.Claimed,
            (await host.Submissions.TryClaimNoticeAsync(Partition, id, "dead-run", _clock.GetUtcNow(), Timings.Lease, default)).Outcome);
        var lapsesAt = _clock.GetUtcNow() + Timings.Lease;

        // The host redelivers within the lease: the delivery cannot tell a dead claimant from a slow one, so it ends
        // "retry later" — merged, nothing mailed, the lapse time named — rather than fail or return as if told.
        _clock.Advance(TimeSpan.FromMinutes(2));
        var held = await host.IngestAsync(blob);
        Assert.Equal(IngestionOutcome.Duplicate, held.Outcome);
        Assert.Equal(lapsesAt, held.MailPending!.LapsesAt);
        Assert.Equal(SubmissionResultMail.MessageKey("GT", ReportingPeriod.Parse(Period), id), held.MailPending.MessageKey);
        Assert.Empty(_server.Requests);
        var warning = Assert.Single(host.Logs.Entries, e => e.Properties.ContainsKey("LapsesAt"));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(ResultMailPending.OutcomeName, warning.Properties["MailOutcome"]);
        Assert.Equal(lapsesAt, warning.Properties["LapsesAt"]);
        var counted = Assert.Single(retryLater.Measurements);
        Assert.Equal((1.0, "GT", Period, "result"), (counted.Value, counted.Tags["unit"] as string, counted.Tags["period"] as string, counted.Tags["kind"] as string));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);

        // Owed, with its lapse time, until then; the sweep leaves a live claim alone.
        var pending = Assert.Single(await host.Get<PendingResultMails>().ListAsync(default));
        Assert.Equal((id, lapsesAt, "Accepted"), (pending.SubmissionId, pending.LapsesAt, pending.Verdict));
        Assert.Empty(await host.Get<PendingResultMails>().SendLapsedAsync(default));
        Assert.Empty(_server.Requests);

        _clock.Advance(Timings.Lease);
        _server.Respond(202);
        var swept = Assert.Single(await host.Get<PendingResultMails>().SendLapsedAsync(default));
        var again = await host.IngestAsync(blob);

        Assert.Equal((IngestionOutcome.Duplicate, IngestionOutcome.Duplicate), (swept.Result!.Outcome, again.Outcome));
        Assert.Null(swept.Result.MailPending);
        Assert.Equal(1, ResultMails(id));
        Assert.NotNull((await host.Submissions.GetAsync(Partition, id, default))!.NotifiedAt);
        Assert.Empty(await host.Get<PendingResultMails>().ListAsync(default));
        Assert.Empty(await host.Get<PendingResultMails>().SendLapsedAsync(default));
    }

    [Fact]
    public async Task The_trigger_returns_normally_with_a_warning_when_the_result_mail_is_held_so_the_host_does_not_retry_it_into_poison()
    {
        var storage = new TestStorage(azurite);
        using var host = Host(storage);
        var bytes = FilledSheet.Complete("GT", Period).Build();
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", bytes);
        await host.Ingestor.MergeAsync(blob, default);
        await host.Submissions.TryClaimNoticeAsync(Partition, Sha256(bytes), "dead-run", _clock.GetUtcNow(), Timings.Lease, default);
        var function = new IngestUpload(host.Ingestor, host.Get<ILogger<IngestUpload>>());

        await function.Run(blob, "GT", Period, default);

        Assert.Empty(_server.Requests);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Properties.ContainsKey("LapsesAt"));
        Assert.Contains(host.Logs.Entries, e => e.Category.EndsWith(nameof(IngestUpload), StringComparison.Ordinal)
            && Equals(e.Properties.GetValueOrDefault("MailOutcome"), ResultMailPending.OutcomeName));
    }

    [Fact]
    public async Task A_provider_outage_leaves_the_mail_claimable_so_the_hosts_retry_sends_it_once()
    {
        var storage = new TestStorage(azurite);
        using var host = Host(storage);
        var bytes = FilledSheet.Complete("GT", Period).Build();
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", bytes);
        _server.Respond(503).Respond(503);

        await Assert.ThrowsAsync<MailDeliveryException>(() => host.IngestAsync(blob));
        var released = (await host.Submissions.GetAsync(Partition, Sha256(bytes), default))!;
        _server.Respond(202);
        var retry = await host.IngestAsync(blob);
        var redelivery = await host.IngestAsync(blob);

        Assert.Null(released.NotifiedAt);
        Assert.Equal("", released.NoticeClaimedBy); // released at once: the retry need not wait for the lease
        Assert.Equal(IngestionOutcome.Duplicate, retry.Outcome);
        Assert.Equal(IngestionOutcome.Duplicate, redelivery.Outcome);
        Assert.Equal(3, _server.Requests.Count); // two refused attempts, then one accepted: nothing after the mark
        Assert.NotNull((await host.Submissions.GetAsync(Partition, Sha256(bytes), default))!.NotifiedAt);
    }

    [Fact]
    public async Task A_permanent_refusal_is_logged_and_not_retried_by_the_host_but_a_later_delivery_may_send()
    {
        var storage = new TestStorage(azurite);
        using var host = Host(storage);
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build());
        _server.Respond(400, "{\"errors\":[{\"message\":\"bad request\"}]}");

        var refused = await host.IngestAsync(blob); // returns: retrying the ingestion cannot fix a refused message
        _server.Respond(202);
        await host.IngestAsync(blob);

        Assert.Equal(IngestionOutcome.Accepted, refused.Outcome);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Template?.Contains("refused by the provider", StringComparison.Ordinal) == true);
    }
}
