using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Locks;

/// <summary>
/// Reopen and lock as the CLI and the portal call them (<see cref="PeriodLockService"/>, table <c>PeriodLocks</c>): what
/// is recorded, what is refused, the same change twice, two changes at once, and entries that are never rewritten.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PeriodLockServiceTests(AzuriteFixture azurite) : LockScenario(azurite, new DateTimeOffset(2021, 11, 1, 0, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task A_reopening_records_who_when_why_and_until_when_and_the_portal_reads_it_back()
    {
        var change = await ReopenAtAsync(Nov(19, 10), days: 7);

        Assert.Equal(LockChangeOutcome.Reopened, change.Outcome);
        Assert.Equal("GT 2021-Q3 reopened by Ana Pérez (ST) on 19 November 2021 until 26 November 2021 inclusive: \"cambio de punto focal\"; it accepts reports until 26 November 2021 at 23:59 (Guatemala time, UTC−6).",
            change.Message.En);
        var state = await Locks.StateAsync("gt", Q3, default);
        var entry = Assert.Single(state.Entries);
        Assert.Equal((1, LockAction.Reopen, Nov(19, 10), (DateTimeOffset?)Nov(27, 6), "Ana Pérez (ST)", "cambio de punto focal"),
            (entry.Number, entry.Action, entry.At, entry.Until, entry.By, entry.Reason));
        Assert.Equal((LocksAt, PeriodLockStatus.Reopened), (state.LocksAt, state.At(Nov(20)).Status));
        var board = await Locks.ForPeriodAsync(Q3, default);
        Assert.Equal(RealPlan.Units.At(Q3).All.Select(u => u.Code), board.Select(s => s.Unit));
        Assert.Single(board.Single(s => s.Unit == "GT").Entries);
        Assert.All(board.Where(s => s.Unit != "GT"), s => Assert.Equal(PeriodLockStatus.Locked, s.At(Nov(20)).Status));
    }

    [Fact]
    public async Task The_same_reopening_again_records_nothing_a_different_one_replaces_it()
    {
        await ReopenAtAsync(Nov(19, 10));
        var again = await ReopenAtAsync(Nov(19, 15));
        var longer = await ReopenAtAsync(Nov(19, 16), days: 10);

        Assert.Equal((LockChangeOutcome.AlreadyReopened, 1), (again.Outcome, again.Entry!.Number));
        Assert.Equal((LockChangeOutcome.Reopened, 2), (longer.Outcome, longer.Entry!.Number));
        Assert.Equal(2, (await Locks.StateAsync("GT", Q3, default)).Entries.Count);
        Assert.Equal(PeriodLockStatus.Reopened, (await Locks.StateAsync("GT", Q3, default)).At(Nov(29)).Status);
    }

    [Fact]
    public async Task Two_identical_reopenings_at_once_record_one_entry_two_different_ones_both()
    {
        Clock.SetUtcNow(Nov(19, 10));
        var same = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Locks.ReopenAsync(new ReopenRequest("GT", Q3, 7, "prórroga", "Ana"), default)));
        var different = await Task.WhenAll(
            Locks.ReopenAsync(new ReopenRequest("HN", Q3, 7, "prórroga", "Ana"), default),
            Locks.ReopenAsync(new ReopenRequest("HN", Q3, 3, "otra razón", "Luis"), default));

        Assert.Equal(1, same.Count(c => c.Outcome == LockChangeOutcome.Reopened));
        Assert.Equal(3, same.Count(c => c.Outcome == LockChangeOutcome.AlreadyReopened));
        Assert.Single((await Locks.StateAsync("GT", Q3, default)).Entries);
        Assert.All(different, c => Assert.Equal(LockChangeOutcome.Reopened, c.Outcome));
        Assert.Equal([1, 2], (await Locks.StateAsync("HN", Q3, default)).Entries.Select(e => e.Number));
    }

    [Fact]
    public async Task Lock_ends_the_reopening_now_once_and_never_locks_a_quarter_before_its_automatic_lock()
    {
        await ReopenAtAsync(Nov(19, 10));
        Clock.SetUtcNow(Nov(21, 8));
        var locked = await Locks.LockAsync(new LockRequest("GT", Q3, null, "Luis"), default);
        var again = await Locks.LockAsync(new LockRequest("GT", Q3, null, "Luis"), default);
        var early = await Locks.LockAsync(new LockRequest("GT", Q3.Next, null, "Luis"), default);

        Assert.Equal(LockChangeOutcome.Locked, locked.Outcome);
        Assert.Equal(Nov(21, 8), locked.State!.Windows.Single().Closes);
        Assert.Equal(LockChangeOutcome.AlreadyLocked, again.Outcome);
        Assert.Equal(2, (await Locks.StateAsync("GT", Q3, default)).Entries.Count);
        Assert.Equal((LockChangeOutcome.Refused, LockRefusal.NotYetLocked), (early.Outcome, early.Refusal));
        Assert.Contains("cannot be locked earlier for one unit", early.Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX", 7, "prórroga", LockRefusal.UnknownUnit)]
    [InlineData("GT", 0, "prórroga", LockRefusal.InvalidDays)]
    [InlineData("GT", 91, "prórroga", LockRefusal.InvalidDays)]
    [InlineData("GT", 7, "  ", LockRefusal.ReasonMissing)]
    public async Task Mistaken_requests_are_refused_as_invalid_and_record_nothing(string unit, int days, string reason, LockRefusal refusal)
    {
        var change = await ReopenAtAsync(Nov(19, 10), days, unit, reason);

        Assert.Equal((LockChangeOutcome.Refused, refusal, true), (change.Outcome, change.Refusal, change.IsInvalidRequest));
        Assert.Empty(await Storage.AllAsync(l => l.PeriodLocksTable));
    }

    [Fact]
    public async Task A_reopening_before_the_automatic_lock_is_refused_saying_until_when_uploads_are_accepted()
    {
        var change = await ReopenAtAsync(LocksAt.AddHours(-1));

        Assert.Equal((LockChangeOutcome.Refused, LockRefusal.NotYetLocked, false), (change.Outcome, change.Refusal, change.IsInvalidRequest));
        Assert.Equal("2021-Q3 todavía no está cerrado: acepta informes de GT hasta el 14 de noviembre de 2021 a las 23:59 (hora de Guatemala, UTC−6) y se cierra el 15 de noviembre de 2021. No se puede cerrar antes para una unidad.",
            change.Message.Es);
    }

    [Fact]
    public async Task Entries_are_appended_as_properties_of_their_own_and_never_rewritten()
    {
        await ReopenAtAsync(Nov(19, 10));
        var first = (await Storage.AllAsync(l => l.PeriodLocksTable)).Single();
        Clock.SetUtcNow(Nov(20, 8));
        await Locks.LockAsync(new LockRequest("GT", Q3, "recibido", "Luis"), default);
        await ReopenAtAsync(Nov(22, 9), days: 2, reason: "otra vez");

        var row = (await Storage.AllAsync(l => l.PeriodLocksTable)).Single();
        Assert.Equal(("2021-Q3", "GT", 3), (row.PartitionKey, row.RowKey, row.GetInt32("Entries")!.Value));
        Assert.Equal(first.GetString(PeriodLockStore.EntryProperty(1)), row.GetString(PeriodLockStore.EntryProperty(1)));
        Assert.Equal([LockAction.Reopen, LockAction.Lock, LockAction.Reopen], (await Locks.StateAsync("GT", Q3, default)).Entries.Select(e => e.Action));
    }
}
