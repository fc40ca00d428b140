using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Plan;

public sealed class ReportingCalendarTests
{
    private static DateTimeOffset Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, TimeSpan.Zero);

    private static ReportingCalendar At(DateTimeOffset now, int deadlineDays = 30) =>
        new(Options.Create(new ReportingOptions { DeadlineDays = deadlineDays }), RealPlan.Plans, RealPlan.Units, new FakeTimeProvider(now));

    [Theory]
    [InlineData(2021, 1, "2021-01-01")]
    [InlineData(2021, 2, "2021-04-01")]
    [InlineData(2021, 3, "2021-07-01")]
    [InlineData(2021, 4, "2021-10-01")]
    public void A_quarter_opens_on_its_first_day_at_midnight_UTC(int year, int quarter, string opens)
    {
        Assert.Equal(DateTimeOffset.Parse(opens + "T00:00:00Z"), ReportingCalendar.Opens(new ReportingPeriod(year, quarter)));
    }

    [Fact]
    public void The_last_day_to_send_is_the_configured_days_after_the_quarter_and_ends_at_midnight_on_the_units_clock()
    {
        var q4 = new ReportingPeriod(2021, 4);

        Assert.Equal(new DateOnly(2022, 1, 15), ReportingCalendar.LastDayToSend(q4, 15));
        Assert.Equal(new DateOnly(2022, 1, 30), ReportingCalendar.LastDayToSend(q4, 30));
        Assert.Equal(new DateOnly(2021, 12, 31), ReportingCalendar.LastDayToSend(q4, 0));
        var calendar = At(Utc(2021, 12, 1));
        Assert.Equal(Utc(2022, 1, 31, 6), calendar.Deadline(q4, RealPlan.Unit("GT").Zone));   // UTC−6
        Assert.Equal(Utc(2022, 1, 31, 5), calendar.Deadline(q4, RealPlan.Unit("PA").Zone));   // UTC−5
        Assert.Equal(Utc(2022, 1, 31, 4), calendar.Deadline(q4, RealPlan.Unit("DO").Zone));   // UTC−4
        Assert.Equal(Utc(2022, 1, 31), calendar.Deadline(q4, ReportingZone.Utc));
    }

    [Fact]
    public void A_quarter_has_started_from_its_first_instant()
    {
        var calendar = At(Utc(2021, 10, 1));
        var q4 = new ReportingPeriod(2021, 4);

        Assert.True(calendar.HasStarted(q4));
        Assert.False(calendar.HasStarted(q4, Utc(2021, 10, 1).AddTicks(-1)));
        Assert.False(calendar.HasStarted(new ReportingPeriod(2022, 1)));
    }

    [Theory]
    // Before Q3's deadline on the coalition's clock (the ST's, Guatemala: 2021-10-31 00:00 UTC−6) the last quarter due
    // is Q2; from it on, Q3, until Q4's (2022-01-31 00:00 UTC−6).
    [InlineData("2021-10-31T05:59:59Z", "2021-Q2", "2021-Q4")]
    [InlineData("2021-10-31T06:00:00Z", "2021-Q3", "2021-Q4")]
    [InlineData("2021-11-08T12:00:00Z", "2021-Q3", "2021-Q4")]
    [InlineData("2022-01-31T05:59:59Z", "2021-Q3", "2022-Q1")]
    [InlineData("2022-01-31T06:00:00Z", "2021-Q4", "2022-Q1")]
    [InlineData("2021-01-15T00:00:00Z", "2020-Q3", "2021-Q1")]
    public void LastDue_and_InProgress_follow_the_clock(string now, string lastDue, string inProgress)
    {
        var calendar = At(DateTimeOffset.Parse(now));

        Assert.Equal(ReportingPeriod.Parse(lastDue), calendar.LastDue());
        Assert.Equal(ReportingPeriod.Parse(inProgress), calendar.InProgress());
        Assert.Equal(ReportingPeriod.Parse(lastDue), calendar.Reported(ReportedQuarter.LastDue));
        Assert.Equal(ReportingPeriod.Parse(inProgress), calendar.Reported(ReportedQuarter.InProgress));
    }

    [Fact]
    public void A_deadline_of_a_year_still_finds_the_last_quarter_due()
    {
        var calendar = At(Utc(2022, 6, 1), deadlineDays: 365);

        Assert.Equal(new ReportingPeriod(2021, 1), calendar.LastDue()); // 2021-Q1 ended 2021-04-01, due 2022-04-01
    }

    [Fact]
    public void Quarters_outside_the_plan_years_are_not_in_the_plan()
    {
        var calendar = At(Utc(2026, 3, 1));

        Assert.False(calendar.InPlan(calendar.LastDue()));
        Assert.True(calendar.InPlan(new ReportingPeriod(2020, 1)));
        Assert.True(calendar.InPlan(new ReportingPeriod(2022, 4)));
        Assert.False(calendar.InPlan(new ReportingPeriod(2023, 1)));
    }

    [Theory]
    [InlineData(15, "2021-11-15T06:00:00Z")]
    [InlineData(0, "2021-10-31T06:00:00Z")]
    [InlineData(-1, null)]
    public void A_quarter_locks_its_grace_days_after_the_deadline_at_it_with_none_and_never_with_minus_one_on_the_units_clock(int grace, string? locksAt)
    {
        var calendar = new ReportingCalendar(Options.Create(new ReportingOptions { LockGraceDays = grace }), RealPlan.Plans, RealPlan.Units, new FakeTimeProvider(Utc(2021, 11, 1)));

        Assert.Equal(locksAt is null ? null : DateTimeOffset.Parse(locksAt, System.Globalization.CultureInfo.InvariantCulture),
            calendar.LocksAt(new ReportingPeriod(2021, 3), RealPlan.Unit("GT").Zone));
    }
}
