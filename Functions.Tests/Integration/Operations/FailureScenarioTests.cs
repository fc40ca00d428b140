using ServerlessPlan.Core.Telemetry;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Operations.FailureWitnesses;

namespace ServerlessPlan.Tests.Integration.Operations;

/// <summary>
/// Each failure the issue names made to happen on Azurite — a delivery that throws until the host poisons it, a
/// reminder timer that does not run, an event Event Grid dead-letters — then shown where operators look: in
/// <c>status --json</c>, on the operations page, and in the telemetry the alert reads (its query's metric and codes,
/// with the alert's threshold); replay then brings the upload to its verdict exactly once. (The digest's slot under a
/// SendGrid outage: <see cref="Reports.DigestOutageTests"/>.)
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Collection(AzuriteCollection.Name)]
public sealed class FailureScenarioTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly string _outbox = Directory.CreateTempSubdirectory("failure-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    [Fact]
    public async Task A_delivery_that_throws_until_poison_is_counted_alerted_listed_and_replayed_to_one_verdict()
    {
        var storage = new TestStorage(azurite);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(20));
        var capture = new TelemetryCapture();
        using (var failing = new IngestionHost(storage, _outbox, time: clock, configure: services =>
               {
                   capture.AddTo(services);
                   var options = new TableClientOptions();
                   options.AddPolicy(new ProgressWritesFail(storage.Layout.ProgressTable), HttpPipelinePosition.PerCall);
                   services.AddSingleton(new TableServiceClient(storage.ConnectionString, options));
               }))
        {
            capture.Start(failing.Get<IServiceProvider>());
            var blob = await failing.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build());
            // The host's first try and its four retries, each a thrown delivery; then the host writes the poison message.
            for (var attempt = 0; attempt < 5; attempt++)
                await Assert.ThrowsAsync<RequestFailedException>(() => failing.Ingestor.IngestAsync(blob, default));
            await OperationsStatusTests.PoisonAsync(storage, $"GT/{Period}/informe.xlsx");

            Assert.Equal(5, capture.Sum(PlanTelemetry.IngestionFailures, ("unit", "GT"), ("period", Period), ("error", nameof(RequestFailedException))));
            Assert.True(AlertFires("ingestion-failures", AlertReads("ingestion-failures", capture)));
            await failing.Get<OperationsCheck>().RunAsync(default);
            Assert.True(AlertFires("poison-or-dead-letter", AlertReads("poison-or-dead-letter", capture)));
            Assert.Equal(0, failing.MailsWritten("GT"));
        }

        var uploadBlob = $"{storage.Layout.Uploads}/GT/{Period}/informe.xlsx";
        var (statusCode, attention) = await StatusAsync(storage, clock, _outbox);
        Assert.Equal(ExitCodes.NeedsAttention, statusCode);
        Assert.Contains((AttentionCodes.PoisonMessage, uploadBlob), attention);
        await using (var portal = await PortalHost.StartAsync(azurite, blobEvents: false, extra: Contacts(), time: clock, storage: storage))
            Assert.Contains(AttentionCodes.PoisonMessage, await PageCodesAsync(portal));

        // Storage is back: the replay brings it to its verdict, once; a second replay has nothing left to do.
        var (replayCode, _) = await CliAsync(storage, clock, _outbox, "replay", "--dead-letters", "--json");
        var (againCode, again) = await CliAsync(storage, clock, _outbox, "replay", "--dead-letters");

        Assert.Equal((ExitCodes.Ok, ExitCodes.NoData), (replayCode, againCode));
        Assert.Equal("nothing to replay", again.Trim());
        var history = await storage.Submissions().ListPeriodAsync(ReportingPeriod.Parse(Period), default);
        var entry = Assert.Single(history.History, h => h.Unit == "GT");
        Assert.Equal((SubmissionStatus.Current, entry.RowKey), (entry.StatusValue, history.PointerFor("GT")!.SubmissionId));
        Assert.Single(Directory.GetDirectories(_outbox, $"result-GT-{Period}-*", SearchOption.AllDirectories));
        Assert.DoesNotContain((await StatusAsync(storage, clock, _outbox)).Attention, a => a.Code == AttentionCodes.PoisonMessage);
    }

    [Fact]
    public async Task A_reminder_timer_that_does_not_run_is_listed_and_its_alert_reads_no_run_until_one_runs()
    {
        var storage = new TestStorage(azurite);
        // Two hours after the default firing (daily 13:00 UTC): past its hour of grace.
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 11, 10, 15, 0, 0, TimeSpan.Zero));
        var capture = new TelemetryCapture();
        using var host = new IngestionHost(storage, _outbox, time: clock, configure: capture.AddTo);
        capture.Start(host.Get<IServiceProvider>());

        await host.Get<OperationsCheck>().RunAsync(default);

        Assert.Contains(AttentionCodes.RemindersMissed, (await StatusAsync(storage, clock, _outbox)).Attention.Select(a => a.Code));
        await using (var portal = await PortalHost.StartAsync(azurite, blobEvents: false, extra: Contacts(), time: clock, storage: storage))
            Assert.Contains(AttentionCodes.RemindersMissed, await PageCodesAsync(portal));
        Assert.Equal(0, AlertReads("reminders-not-run", capture));
        Assert.True(AlertFires("reminders-not-run", AlertReads("reminders-not-run", capture)));
        // The app itself is alive: its operations check was recorded, so the silence alert stays quiet.
        Assert.False(AlertFires("operations-check-silent", AlertReads("operations-check-silent", capture)));

        // The timer runs again: one run recorded, the alert's query has its run, the item is gone.
        await host.Get<ReminderService>().SendDueAsync(clock.GetUtcNow(), default);

        Assert.False(AlertFires("reminders-not-run", AlertReads("reminders-not-run", capture)));
        Assert.Equal(1, capture.Sum(PlanTelemetry.ReminderRuns));
        Assert.DoesNotContain(AttentionCodes.RemindersMissed, (await StatusAsync(storage, clock, _outbox)).Attention.Select(a => a.Code));
        TelemetryTests.AssertNoTagHoldsAnAddress(capture);
    }

    [Fact]
    public async Task A_dead_lettered_upload_is_listed_alerted_and_the_pages_replay_brings_it_to_one_verdict()
    {
        var storage = new TestStorage(azurite);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(20));
        var capture = new TelemetryCapture();
        using var host = new IngestionHost(storage, _outbox, time: clock, configure: capture.AddTo);
        capture.Start(host.Get<IServiceProvider>());
        await host.UploadAsync($"HN/{Period}/informe.xlsx", FilledSheet.Complete("HN", Period).Build());
        await OperationsStatusTests.DeadLetterAsync(storage, $"HN/{Period}/informe.xlsx");

        await host.Get<OperationsCheck>().RunAsync(default);

        var uploadBlob = $"{storage.Layout.Uploads}/HN/{Period}/informe.xlsx";
        Assert.Contains((AttentionCodes.DeadLetter, uploadBlob), (await StatusAsync(storage, clock, _outbox)).Attention);
        Assert.True(AlertFires("poison-or-dead-letter", AlertReads("poison-or-dead-letter", capture)));
        await using var portal = await PortalHost.StartAsync(azurite, blobEvents: false, extra: Contacts(), time: clock, storage: storage);
        Assert.Contains(AttentionCodes.DeadLetter, await PageCodesAsync(portal));

        // The page's "process again everything returned", twice (a double click): one verdict, one mail.
        using var session = await portal.SessionOnAsync("coalition/operations", Admin, "Coalition.Admin", "Coalition.Reader");
        foreach (var _ in new[] { 1, 2 })
        {
            using var response = await session.Client.PostAsync("coalition/operations/replay", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [Functions.Http.AntiForgery.FieldName] = session.Token,
                ["what"] = "dead-letters",
            }));
            Assert.True((int)response.StatusCode is 200 or 303, $"replay answered {(int)response.StatusCode}");
        }

        var history = await storage.Submissions().ListPeriodAsync(ReportingPeriod.Parse(Period), default);
        Assert.Equal(Assert.Single(history.History, h => h.Unit == "HN").RowKey, history.PointerFor("HN")!.SubmissionId);
        // Its result mail went once.
        Assert.Single(portal.Server.Logs.Entries, e => e.Category == typeof(Core.Mail.OutboxMailSender).FullName
            && e.Template?.StartsWith("Wrote mail", StringComparison.Ordinal) == true
            && (e.Properties["MessageKey"] as string)?.StartsWith($"result-HN-{Period}-", StringComparison.Ordinal) == true);
        Assert.NotNull(Assert.Single(history.History, h => h.Unit == "HN").NotifiedAt);
        Assert.DoesNotContain(AttentionCodes.DeadLetter, await PageCodesAsync(portal));
        Assert.DoesNotContain(AttentionCodes.DeadLetter, (await StatusAsync(storage, clock, _outbox)).Attention.Select(a => a.Code));
    }

    /// <summary>Table Storage refusing every write of the merged rows: the fault the host retries, five times, in vain.</summary>
    private sealed class ProgressWritesFail(string progressTable) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Fail(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Fail(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Fail(HttpMessage message)
        {
            var request = message.Request;
            if (request.Method != RequestMethod.Get && (request.Uri.Path.Contains($"/{progressTable}(", StringComparison.Ordinal) || request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal)))
                throw new RequestFailedException(503, "Injected: storage unavailable");
        }
    }
}
