using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Locks;

/// <summary>When a unit's quarter takes uploads: the automatic lock, reopenings, early locks, and the history as of an instant.</summary>
public sealed class PeriodLockStateTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    // On UTC: the rules here do not depend on the clock (UnitClockBoundaryTests checks the units' clocks).
    private static readonly QuarterDates Dates = ReportingCalendar.Dates(Q3, ReportingZone.Utc, 30, 15);
    private static readonly DateTimeOffset Deadline = Dates.Deadline;
    private static readonly DateTimeOffset Locks = Dates.LocksAt!.Value;

    private static DateTimeOffset Nov(int day, int hour = 0) => new(2021, 11, day, hour, 0, 0, TimeSpan.Zero);

    private static PeriodLockState State(params LockEntry[] entries) => new("GT", Q3, Dates, entries);

    private static LockEntry Reopen(int number, DateTimeOffset at, DateTimeOffset until, string by = "Ana", string reason = "prórroga") =>
        new(number, LockAction.Reopen, at, until, by, reason);

    private static LockEntry Lock(int number, DateTimeOffset at) => new(number, LockAction.Lock, at, null, "Luis", "recibido");

    [Fact]
    public void Uploads_are_accepted_until_the_automatic_lock_and_refused_from_it()
    {
        var state = State();

        Assert.Equal(PeriodLockStatus.Open, state.At(Deadline.AddDays(3)).Status);   // late, but before the lock
        Assert.Equal(PeriodLockStatus.Open, state.At(Locks.AddTicks(-1)).Status);
        var locked = state.At(Locks);
        Assert.Equal((PeriodLockStatus.Locked, (DateTimeOffset?)Locks), (locked.Status, locked.LockedSince));
        Assert.False(state.IsAfterLock(Locks.AddTicks(-1)));
        Assert.True(state.IsAfterLock(Locks));
    }

    [Fact]
    public void A_reopening_takes_uploads_from_when_it_was_recorded_until_its_end_then_the_quarter_is_locked_since_that_end()
    {
        var state = State(Reopen(1, Nov(19, 10), Nov(27)));

        Assert.Equal(PeriodLockStatus.Locked, state.At(Nov(19, 9)).Status);
        var inside = state.At(Nov(26, 23));
        Assert.Equal(PeriodLockStatus.Reopened, inside.Status);
        Assert.Equal(1, inside.Window!.Reopening.Number);
        Assert.Equal(new DateOnly(2021, 11, 26), inside.Window.LastDay);
        Assert.Equal((PeriodLockStatus.Locked, (DateTimeOffset?)Nov(27)), (state.At(Nov(27)).Status, state.At(Nov(27)).LockedSince));
        // Before the reopening it was locked since the automatic lock.
        Assert.Equal(Locks, state.At(Nov(19, 9)).LockedSince);
    }

    [Fact]
    public void A_lock_ends_the_reopening_early_and_a_new_reopening_replaces_the_one_in_force()
    {
        var ended = State(Reopen(1, Nov(19, 10), Nov(27)), Lock(2, Nov(21, 8)));
        var window = Assert.Single(ended.Windows);
        Assert.Equal((Nov(21, 8), 2), (window.Closes, window.EndedBy!.Number));
        Assert.Equal(PeriodLockStatus.Locked, ended.At(Nov(22)).Status);
        Assert.Equal(Nov(21, 8), ended.At(Nov(22)).LockedSince);

        var replaced = State(Reopen(1, Nov(19, 10), Nov(27)), Reopen(2, Nov(20, 9), Nov(22)));
        Assert.Equal([Nov(20, 9), Nov(22)], replaced.Windows.Select(w => w.Closes));
        Assert.Equal(2, replaced.At(Nov(21)).Window!.Reopening.Number);
        Assert.Equal(PeriodLockStatus.Locked, replaced.At(Nov(23)).Status);   // the shorter reopening is the one in force
    }

    [Fact]
    public void As_of_an_instant_only_the_entries_recorded_by_then_count()
    {
        var state = State(Reopen(1, Nov(19, 10), Nov(27)), Lock(2, Nov(21, 8)));

        var before = state.AsOf(Nov(20));
        Assert.Single(before.Entries);
        Assert.Equal(Nov(27), before.Windows.Single().Closes);   // known then: the reopening ran to its end
        Assert.Empty(state.AsOf(Nov(19, 9)).Entries);
    }

    [Fact]
    public void A_quarter_that_never_locks_always_takes_uploads()
    {
        var state = new PeriodLockState("GT", Q3, ReportingCalendar.Dates(Q3, ReportingZone.Utc, 30, -1), []);

        Assert.Equal(PeriodLockStatus.Open, state.At(Deadline.AddYears(5)).Status);
        Assert.False(state.IsAfterLock(Deadline.AddYears(5)));
    }

    [Fact]
    public void The_wording_says_who_reopened_when_until_which_day_and_why_and_how_it_ended()
    {
        var state = State(Reopen(1, Nov(19, 10), Nov(27), "Ana Pérez", "cambio de punto focal"), Lock(2, Nov(21, 8)));

        Assert.Equal("reabierto por Ana Pérez el 19 de noviembre de 2021 hasta el 26 de noviembre de 2021, cerrado de nuevo por Luis el 21 de noviembre de 2021: «cambio de punto focal»",
            LockTexts.Window(state.Windows.Single(), Core.Localization.Language.Es));
        Assert.Equal("15 November 2021, 00:00 (UTC; 15 days after the deadline)", LockTexts.AutomaticLock(Dates).En);
        Assert.Equal("la Secretaría Técnica (st@x.org)", LockTexts.AskTheSecretariat(["st@x.org"], Core.Localization.Language.Es));
    }
}
