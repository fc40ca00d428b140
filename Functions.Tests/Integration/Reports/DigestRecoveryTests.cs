using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>
/// No digest lost or doubled: runs that die after claiming, a provider down for a whole run, double firings. Azurite
/// tables, the real SendGrid client and a fake SendGrid endpoint; the schedule is the default (Mondays 12:00 UTC).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class DigestRecoveryTests(AzuriteFixture azurite) : DigestScenario(azurite)
{
    private static readonly DateTimeOffset NextSlot = Slot.AddDays(7);

    /// <summary>A run that claimed the slot and died before sending: its claim stays, with nobody behind it.</summary>
    private static Task AbandonClaimAsync(DigestTestHost host, DateTimeOffset slot, DateTimeOffset at) =>
        host.Store.TryClaimAsync(new DigestEntity
        {
            RowKey = DigestService.MessageKey(slot), Slot = slot, Period = Q3.ToString(), ClaimedBy = "dead-run", ClaimedAt = at,
        }, DigestTestHost.Timings.Lease, default);

    [Fact]
    public async Task A_run_that_died_after_claiming_is_taken_over_by_the_hosts_retry_after_the_lease_and_sends_once()
    {
        using var host = Host();
        await AbandonClaimAsync(host, Slot, Clock.GetUtcNow());
        Server.Respond(202);

        // The host's retries come back with growing delays; those inside the lease leave the claim alone.
        Clock.Advance(TimeSpan.FromMinutes(3));
        await Assert.ThrowsAsync<MailClaimHeldException>(() => host.Digests.SendScheduledAsync(Slot, default));
        Clock.Advance(TimeSpan.FromMinutes(13));
        var retry = await host.Digests.SendScheduledAsync(Slot, default);
        var again = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal((DigestOutcome.Sent, DigestOutcome.AlreadySent), (retry.Outcome, again.Outcome));
        Assert.Single(Server.Requests);
        var row = await RecordAsync(host, Slot);
        Assert.Equal((nameof(DigestSendState.Sent), 2), (row.State, row.Claims));
    }

    [Fact]
    public async Task A_run_that_died_and_was_never_retried_is_stood_in_for_by_the_next_slot_with_one_mail()
    {
        using var host = Host();
        await AbandonClaimAsync(host, Slot, Slot.AddSeconds(10));
        Clock.SetUtcNow(NextSlot.AddSeconds(10));
        Server.Respond(202);

        var next = await host.Digests.SendScheduledAsync(NextSlot, default);
        // A retry of the dead slot arriving late must not send it on top.
        var lateRetry = await host.Digests.SendScheduledAsync(Slot, default);

        Assert.Equal(DigestOutcome.Sent, next.Outcome);
        Assert.Equal(DigestService.MessageKey(Slot), next.CaughtUp);
        Assert.Equal(DigestOutcome.AlreadySent, lateRetry.Outcome);
        var request = Assert.Single(Server.Requests);
        Assert.Contains("Este resumen reemplaza al del 2021-11-08 12:00 UTC, que no se pudo enviar.", request.PlainText());
        var dead = await RecordAsync(host, Slot);
        Assert.Equal((nameof(DigestSendState.Superseded), DigestService.MessageKey(NextSlot)), (dead.State, dead.SupersededBy));
        Assert.Equal(nameof(DigestSendState.Sent), (await RecordAsync(host, NextSlot)).State);
    }

    [Fact]
    public async Task A_provider_failing_for_a_whole_run_then_recovering_makes_the_next_run_send_once()
    {
        using var host = Host();
        // The first firing and its five retries, each with SendGrid's own three attempts: all 503.
        for (var i = 0; i < 6 * 3; i++) Server.Respond(503, "{\"errors\":[{\"message\":\"unavailable\"}]}");
        for (var attempt = 0; attempt < 6; attempt++)
        {
            Clock.Advance(TimeSpan.FromMinutes(attempt));
            var ex = await Assert.ThrowsAsync<MailDeliveryException>(() => host.Digests.SendScheduledAsync(Slot, default));
            Assert.Equal(503, ex.Status);
        }
        var failed = await RecordAsync(host, Slot);
        Assert.Equal((nameof(DigestSendState.Failed), 6), (failed.State, failed.Claims));
        Assert.Empty(await host.Store.SentAsync(default));

        // A week later SendGrid is back: the next firing sends one digest, standing in for the failed one.
        Server.Respond(202, "", ("X-Message-Id", "recovered"));
        Clock.SetUtcNow(NextSlot.AddSeconds(5));
        var next = await host.Digests.SendScheduledAsync(NextSlot, default);
        Server.Respond(202);
        Clock.SetUtcNow(NextSlot.AddDays(7).AddSeconds(5));
        var following = await host.Digests.SendScheduledAsync(NextSlot.AddDays(7), default);

        Assert.Equal(6 * 3 + 2, Server.Requests.Count);
        Assert.Equal((DigestOutcome.Sent, DigestService.MessageKey(Slot)), (next.Outcome, next.CaughtUp));
        Assert.Null(following.CaughtUp); // the week after, nothing is left to stand in for
        Assert.Equal(nameof(DigestSendState.Superseded), (await RecordAsync(host, Slot)).State);
        Assert.Equal("recovered", (await RecordAsync(host, NextSlot)).ProviderMessageId);
        Assert.DoesNotContain("reemplaza", Server.Requests[^1].PlainText());
    }

    [Fact]
    public async Task A_double_firing_of_the_next_slot_sends_one_mail_and_stands_in_for_the_failed_slot_once()
    {
        Server.Respond(400, "{\"errors\":[{\"message\":\"bad\"}]}");
        using (var first = Host())
            await Assert.ThrowsAsync<MailDeliveryException>(() => first.Digests.SendScheduledAsync(Slot, default));
        Clock.SetUtcNow(NextSlot.AddSeconds(3));
        Server.Respond(202);
        var hosts = Enumerable.Range(0, 3).Select(_ => Host()).ToList();
        try
        {
            var results = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.Digests.SendScheduledAsync(NextSlot, default))));

            Assert.Equal(2, Server.Requests.Count); // the failed one and one stand-in
            var sent = Assert.Single(results, r => r.Outcome == DigestOutcome.Sent);
            Assert.Equal(DigestService.MessageKey(Slot), sent.CaughtUp);
            Assert.All(results.Where(r => r != sent), r => Assert.Equal(DigestOutcome.AlreadySent, r.Outcome));
            Assert.Equal(nameof(DigestSendState.Superseded), (await RecordAsync(hosts[0], Slot)).State);
        }
        finally
        {
            foreach (var h in hosts) h.Dispose();
        }
    }

    [Fact]
    public async Task A_slot_still_held_by_a_live_run_is_not_stood_in_for()
    {
        using var host = Host();
        Clock.SetUtcNow(NextSlot.AddSeconds(5));
        await AbandonClaimAsync(host, Slot, Clock.GetUtcNow().AddMinutes(-1)); // e.g. a retry of last week's slot, sending right now
        Server.Respond(202);

        var next = await host.Digests.SendScheduledAsync(NextSlot, default);

        Assert.Equal(DigestOutcome.Sent, next.Outcome);
        Assert.Null(next.CaughtUp);
        Assert.Equal(nameof(DigestSendState.Claimed), (await RecordAsync(host, Slot)).State);
    }

    [Fact]
    public async Task A_failed_slot_older_than_the_catch_up_window_is_left_as_it_is()
    {
        Server.Respond(400);
        using var host = Host();
        await Assert.ThrowsAsync<MailDeliveryException>(() => host.Digests.SendScheduledAsync(Slot, default));
        var muchLater = Slot + DigestService.CatchUpWindow + TimeSpan.FromDays(7);
        Clock.SetUtcNow(muchLater.AddSeconds(5));
        Server.Respond(202);

        var later = await host.Digests.SendScheduledAsync(muchLater, default);

        Assert.Equal(DigestOutcome.Sent, later.Outcome);
        Assert.Null(later.CaughtUp);
        Assert.Equal(nameof(DigestSendState.Failed), (await RecordAsync(host, Slot)).State);
    }
}
