using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.FollowUp.ReminderTestHost;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>The portal's reads of what was sent: a focal point's quarter (one unit) and the ST's board (one quarter).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderHistoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeSendGridServer _server = FakeSendGridServer.Start();
    private readonly TestStorage _storage = new(azurite);
    private readonly FakeTimeProvider _clock = new(October(17));

    public Task InitializeAsync() => SeedAsync(_storage);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_unit_s_quarter_lists_the_reminders_it_was_sent_and_the_board_the_whole_quarter_s_follow_up()
    {
        using var host = Create(_storage, _server, _clock);
        _server.Accept(3 + 1); // October 17: three reminders, the list
        await host.FireAsync();
        _server.Respond(503).Respond(503).Respond(503); // October 28: the provider is down
        _clock.SetUtcNow(October(28));
        await host.FireAsync();
        _server.Accept(4 + 3 + 1); // October 29: the 3-day reminders and the list; October 31: late notices; November 1: the list
        _clock.SetUtcNow(October(29));
        await host.FireAsync();
        _clock.SetUtcNow(October(31));
        await host.FireAsync();
        _clock.SetUtcNow(new DateTimeOffset(2021, 11, 1, 13, 0, 0, TimeSpan.Zero));
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
