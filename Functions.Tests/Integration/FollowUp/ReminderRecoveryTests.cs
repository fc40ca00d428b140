using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.FollowUp.ReminderTestHost;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>
/// No reminder lost or doubled: a run that dies after claiming, a provider down for a whole run, a provider refusing
/// one message, a sheet accepted between the claim and the send. On 2021-10-17 13:00 four mails are due: the 14-day
/// reminders of HN, BZ and ST and the ST's list of week 2021-W41.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ReminderRecoveryTests(AzuriteFixture azurite) : ReminderScenario(azurite, October(17))
{
    private const string HnKey = "reminder-HN-2021-Q3-before-14";

    private static async Task<ReminderEntity> HnRowAsync(ReminderTestHost host) =>
        (await host.Store.GetAsync(ReminderStore.PeriodPartition(Q3), ReminderStore.UnitRow("HN", "before-14"), default))!;

    [Fact]
    public async Task A_run_that_died_after_claiming_is_taken_over_after_the_lease_and_the_mail_goes_out_once()
    {
        using var host = Host();
        // A run claimed HN's reminder at 13:00 and died before sending.
        await host.Store.TryClaimAsync(new ReminderEntity
        {
            PartitionKey = ReminderStore.PeriodPartition(Q3), RowKey = ReminderStore.UnitRow("HN", "before-14"), Kind = "before",
            Unit = "HN", Period = Q3.ToString(), DaysBefore = 14, MessageKey = HnKey, ClaimedBy = "dead-run", ClaimedAt = Clock.GetUtcNow(),
        }, Timings.Lease, default);
        Server.Accept(4);

        // The firing a minute later sends the others, waits for the claim, then leaves it to the host's retry.
        Clock.Advance(TimeSpan.FromMinutes(1));
        var first = await host.FireAsync();
        var incomplete = Assert.Throws<ReminderRunIncompleteException>(first.ThrowIfIncomplete);
        // The retries inside the lease still find it held; the one after it takes it over.
        Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await host.FireAsync();
        Clock.Advance(TimeSpan.FromMinutes(12));
        var third = await host.FireAsync();
        var fourth = await host.FireAsync();

        Assert.Equal(ReminderOutcome.HeldElsewhere, Assert.Single(first.Items, i => i.MessageKey == HnKey).Outcome);
        Assert.Contains(HnKey, incomplete.Message);
        Assert.Equal(3, first.Sent);
        Assert.Equal(ReminderOutcome.HeldElsewhere, Assert.Single(second.Items, i => i.MessageKey == HnKey).Outcome);
        Assert.Equal(ReminderOutcome.Sent, Assert.Single(third.Items, i => i.MessageKey == HnKey).Outcome);
        Assert.True(third.Complete);
        Assert.Equal(ReminderOutcome.AlreadySent, Assert.Single(fourth.Items, i => i.MessageKey == HnKey).Outcome);
        Assert.Single(Server.Mails(), m => m.MessageKey == HnKey);
        Assert.Equal(4, Server.Requests.Count);
        var row = await HnRowAsync(host);
        Assert.Equal((nameof(ReminderSendState.Sent), 2), (row.State, row.Claims));
    }

    [Fact]
    public async Task A_provider_down_for_a_whole_run_stops_it_at_the_first_mail_and_the_next_run_sends_each_once()
    {
        using var host = Host();
        // SendGrid's three attempts at the first mail: all 503. The run does not hammer it with the others.
        for (var i = 0; i < 3; i++) Server.Respond(503, "{\"errors\":[{\"message\":\"unavailable\"}]}");

        var down = await host.FireAsync();

        Assert.False(down.Complete);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Single(down.Items, i => i.Outcome == ReminderOutcome.Failed);
        Assert.Equal(3, down.Items.Count(i => i.Outcome == ReminderOutcome.NotAttempted));
        Assert.Throws<ReminderRunIncompleteException>(down.ThrowIfIncomplete);
        var failed = Assert.Single(await host.Store.ForPeriodAsync(Q3, default));
        Assert.Equal(nameof(ReminderSendState.Failed), failed.State);

        // The host's retry a minute later: SendGrid is back.
        Server.Accept(4);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var retry = await host.FireAsync();
        var again = await host.FireAsync();

        Assert.True(retry.Complete);
        Assert.Equal(4, retry.Sent);
        Assert.Equal(0, again.Sent);
        Assert.Equal(3 + 4, Server.Requests.Count);
        Assert.Equal(4, Server.Mails().Skip(3).Select(m => m.MessageKey).Distinct().Count());
        Assert.Equal(2, (await host.Store.GetAsync(failed.PartitionKey, failed.RowKey, default))!.Claims);
    }

    [Fact]
    public async Task A_message_the_provider_refuses_fails_alone_and_is_sent_by_the_next_run()
    {
        using var host = Host();
        Server.Respond(400, "{\"errors\":[{\"message\":\"bad request\"}]}").Accept(3);

        var first = await host.FireAsync();
        Server.Accept(2); // HN's reminder and the new week's list
        Clock.Advance(TimeSpan.FromHours(24)); // the next day's firing, still inside the 14-day window
        var next = await host.FireAsync();

        var refused = Assert.Single(first.Items, i => i.Outcome == ReminderOutcome.Failed);
        Assert.Equal(3, first.Sent);
        Assert.Equal(ReminderOutcome.Sent, Assert.Single(next.Items, i => i.MessageKey == refused.MessageKey).Outcome);
        Assert.True(next.Complete);
        Assert.Equal(2, Server.Mails().Count(m => m.MessageKey == refused.MessageKey));
    }

    [Fact]
    public async Task A_reminder_whose_sheet_was_accepted_after_the_decision_is_cancelled_not_sent()
    {
        using var host = Host();
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();
        var row = new ReminderEntity
        {
            PartitionKey = ReminderStore.PeriodPartition(Q3), RowKey = ReminderStore.UnitRow("HN", "before-14"), Kind = "before",
            Unit = "HN", Period = Q3.ToString(), DaysBefore = 14, MessageKey = HnKey,
        };
        var mail = new OutgoingMail
        {
            To = [new MailRecipient("hn@hn.example.org")], Subject = "s", HtmlBody = "<p>h</p>", TextBody = "t", MessageKey = HnKey,
        };

        var cancelled = await dispatcher.SendOnceAsync(new PreparedReminder(row, mail, _ => Task.FromResult(false)), "run-1", default);
        Server.Accept(3);
        var later = await host.FireAsync();

        Assert.Equal(ReminderOutcome.Cancelled, cancelled.Outcome);
        Assert.Equal(ReminderOutcome.Cancelled, Assert.Single(later.Items, i => i.MessageKey == HnKey).Outcome);
        Assert.DoesNotContain(Server.Requests, r => SentMail.Of(r).MessageKey == HnKey);
        Assert.Equal(nameof(ReminderSendState.Cancelled), (await HnRowAsync(host)).State);
    }
}
