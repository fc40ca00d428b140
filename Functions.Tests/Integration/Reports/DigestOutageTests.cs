using ServerlessPlan.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Operations.FailureWitnesses;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>
/// SendGrid answers 503 for the whole of a digest slot — the first run and every retry of the host's policy — and the
/// failure shows in <c>status --json</c>, on the operations page and in the telemetry the mail and digest alerts read;
/// the next slot's digest, once SendGrid is back, stands in for it and goes once.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Collection(AzuriteCollection.Name)]
public sealed class DigestOutageTests(AzuriteFixture azurite) : DigestScenario(azurite), IDisposable
{
    private readonly AzuriteFixture _azurite = azurite;
    private readonly string _outbox = Directory.CreateTempSubdirectory("digest-outage").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    [Fact]
    public async Task A_503_for_the_whole_slot_is_counted_alerted_listed_and_the_next_slot_stands_in_once()
    {
        // SendDigest's retry policy: the first run, then 1, 2, 4, 8 and 15 minutes later; Mail:MaxAttempts 3 each time.
        TimeSpan[] retries = [TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15)];
        for (var i = 0; i < retries.Length * 3; i++) Server.Respond(503, "{\"errors\":[{\"message\":\"service unavailable\"}]}");
        var capture = new TelemetryCapture();
        using var host = Host(configure: capture.AddTo);
        capture.Start(host.Services);

        foreach (var wait in retries)
        {
            Clock.Advance(wait);
            var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => host.Digests.SendScheduledAsync(Slot, default));
            Assert.Equal(503, failure.Status);
        }

        var key = DigestService.MessageKey(Slot);
        Assert.Equal(retries.Length * 3, Server.Requests.Count);
        Assert.Equal(retries.Length, capture.Sum(PlanTelemetry.MailFailures, ("kind", DigestService.Category), ("status", "503")));
        Assert.Equal(retries.Length, capture.Sum(PlanTelemetry.DigestRuns, ("outcome", PlanTelemetry.DigestOutcomes.Failed), ("slot", key)));
        Assert.True(AlertFires("mail-failures", AlertReads("mail-failures", capture)));

        // Three hours after the slot, the operations check and the people reading the status see it.
        Clock.SetUtcNow(Slot.AddHours(3));
        await host.Services.GetRequiredService<OperationsCheck>().RunAsync(default);
        Assert.True(AlertFires("digest-missed", AlertReads("digest-missed", capture)));
        var (code, attention) = await StatusAsync(Storage, Clock, _outbox);
        Assert.Equal(ExitCodes.NeedsAttention, code);
        Assert.Contains(attention, a => a.Code == AttentionCodes.DigestFailed && a.Subject.StartsWith($"{Slot:yyyy-MM-dd HH:mm} UTC", StringComparison.Ordinal));
        await using (var portal = await PortalHost.StartAsync(_azurite, blobEvents: false, time: Clock, storage: Storage))
        {
            Assert.Contains(AttentionCodes.DigestFailed, await PageCodesAsync(portal));
            // The slot's quarter worded, with the key the logs and status --json use beside it.
            var row = Assert.Single(await DigestRowsAsync(portal));
            Assert.Equal("3.er trimestre de 2021 (2021-Q3)", row[1]);
            // Its state in words, with the code status --json writes beside it.
            Assert.Equal("Falló (Failed)", row[2]);
        }

        // SendGrid is back by the next slot: one digest, standing in for the failed one.
        var next = Slot.AddDays(7);
        Clock.SetUtcNow(next.AddSeconds(10));
        Server.Respond(202, "", ("X-Message-Id", "after-outage"));
        var result = await host.Digests.SendScheduledAsync(next, default);

        Assert.Equal((DigestOutcome.Sent, key), (result.Outcome, result.CaughtUp));
        Assert.Equal(retries.Length * 3 + 1, Server.Requests.Count);
        Assert.Equal(1, capture.Sum(PlanTelemetry.MailSent, ("kind", DigestService.Category), ("outcome", "sent")));
        Assert.Equal(1, capture.Sum(PlanTelemetry.DigestRuns, ("outcome", PlanTelemetry.DigestOutcomes.Sent), ("slot", DigestService.MessageKey(next))));
        Assert.DoesNotContain((await StatusAsync(Storage, Clock, _outbox)).Attention, a => a.Code is AttentionCodes.DigestFailed or AttentionCodes.DigestMissed);
        Operations.TelemetryTests.AssertNoTagHoldsAnAddress(capture);
    }
}
