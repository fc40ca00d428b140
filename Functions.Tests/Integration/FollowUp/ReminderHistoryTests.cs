using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.FollowUp.ReminderTestHost;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>The portal's reads of what was sent: a focal point's quarter (one unit) and the ST's board (one quarter).</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ReminderHistoryTests(AzuriteFixture azurite) : ReminderScenario(azurite, October(17))
{
    [Fact]
    public async Task A_unit_s_quarter_lists_the_reminders_it_was_sent_and_the_board_the_whole_quarter_s_follow_up()
    {
        using var host = Host();
        Server.Accept(3 + 1); // October 17: three reminders, the list
        await host.FireAsync();
        Server.Respond(503).Respond(503).Respond(503); // October 28: the provider is down
        Clock.SetUtcNow(October(28));
        await host.FireAsync();
        Server.Accept(4 + 3 + 1); // October 29: the 3-day reminders and the list; October 31: late notices; November 1: the list
        Clock.SetUtcNow(October(29));
        await host.FireAsync();
        Clock.SetUtcNow(October(31));
        await host.FireAsync();
        Clock.SetUtcNow(new DateTimeOffset(2021, 11, 1, 13, 0, 0, TimeSpan.Zero));
        await host.FireAsync();

        var hn = await host.History.SentToUnitAsync("hn", Q3, default);
        Assert.Equal(["before-14", "before-3", "late"], hn.Select(r => r.Kind == "late" ? "late" : $"before-{r.DaysBefore}"));
        Assert.Equal([October(17).Date, October(29).Date, October(31).Date], hn.Select(r => r.SentAt!.Value.Date));
        Assert.All(hn, r => Assert.Equal(("HN", "hn@hn.example.org", "es"), (r.Unit, r.Recipients, r.Language)));
        Assert.Equal(Deadline, hn[0].Deadline);
        Assert.Equal("en", (await host.History.SentToUnitAsync("BZ", Q3, default))[0].Language);
        Assert.Empty(await host.History.SentToUnitAsync("GT", Q3, default));

        var board = await host.History.ForPeriodAsync(Q3, default);
        Assert.Equal(9, board.Reminders.Count);
        Assert.All(board.Reminders, r => Assert.Equal(nameof(ReminderSendState.Sent), r.State));
        Assert.Equal(2, Assert.Single(board.Reminders, r => r.Unit == "HN" && r.DaysBefore == 3).Claims);
        Assert.Equal(["2021-W41", "2021-W43", "2021-W44"], board.WeeklyLists.Select(l => l.Week));
        Assert.Equal(["before-14", "before-3", "late"], board.Windows.Select(w => w.Key));
        Assert.Empty((await host.History.ForPeriodAsync(Q2, default)).WeeklyLists);
    }
}
