using ServerlessPlan.Core.Reports.Digest;

namespace ServerlessPlan.Tests.Unit.Reports;

public sealed class DigestScheduleTests
{
    private static readonly DigestSchedule Weekly = new(DigestSchedule.Default);
    private static readonly DateTimeOffset Monday = new(2021, 11, 8, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_firing_on_time_or_a_little_after_belongs_to_that_occurrence()
    {
        Assert.Equal(Monday, Weekly.SlotFor(Monday));
        Assert.Equal(Monday, Weekly.SlotFor(Monday.AddMilliseconds(350)));
        Assert.Equal(Monday, Weekly.SlotFor(Monday.AddMinutes(40)));
    }

    [Fact]
    public void A_firing_a_moment_early_belongs_to_the_coming_occurrence_not_last_weeks()
    {
        Assert.Equal(Monday, Weekly.SlotFor(Monday.AddMilliseconds(-400)));
        Assert.Equal(Monday.AddDays(-7), Weekly.SlotFor(Monday.AddMinutes(-1)));
    }

    [Fact]
    public void A_late_run_after_missed_occurrences_belongs_to_the_latest_missed_one()
    {
        Assert.Equal(Monday, Weekly.SlotFor(Monday.AddDays(2).AddHours(3)));
        Assert.Equal(Monday.AddDays(14), Weekly.SlotFor(Monday.AddDays(20)));
    }

    [Fact]
    public void Non_utc_invocation_times_are_read_in_utc()
    {
        Assert.Equal(Monday, Weekly.SlotFor(new DateTimeOffset(2021, 11, 8, 6, 0, 1, TimeSpan.FromHours(-6))));
    }

    [Fact]
    public void Every_minute_and_timespan_schedules_slot_to_their_own_granularity()
    {
        var at = new DateTimeOffset(2021, 11, 8, 12, 34, 30, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2021, 11, 8, 12, 34, 0, TimeSpan.Zero), new DigestSchedule("0 * * * * *").SlotFor(at));
        Assert.Equal(new DateTimeOffset(2021, 11, 8, 12, 0, 0, TimeSpan.Zero), new DigestSchedule("01:00:00").SlotFor(at));
    }

    [Fact]
    public void An_empty_setting_means_the_default_and_garbage_is_refused()
    {
        Assert.Equal(DigestSchedule.Default, new DigestSchedule((string?)null).Expression);
        Assert.Throws<FormatException>(() => new DigestSchedule("every monday"));
    }

    [Fact]
    public void Message_key_is_the_slot_to_the_minute_in_utc()
    {
        Assert.Equal("digest-202111081200", DigestService.MessageKey(Monday));
        Assert.Equal("digest-202111081200", DigestService.MessageKey(Monday.ToOffset(TimeSpan.FromHours(-6))));
    }

    [Fact]
    public void NextAfter_is_the_first_occurrence_strictly_after_the_instant()
    {
        Assert.Equal(Monday, Weekly.NextAfter(Monday.AddDays(-3)));
        Assert.Equal(Monday.AddDays(7), Weekly.NextAfter(Monday));
        Assert.Equal(Monday.AddHours(1), new DigestSchedule("01:00:00").NextAfter(Monday.AddMinutes(1)));
    }
}
