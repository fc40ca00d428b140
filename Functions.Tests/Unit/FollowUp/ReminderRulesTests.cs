using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.FollowUp;

/// <summary>When each follow-up is due: the windows of a quarter, the quarters in play, the weekly list's quarters and week.</summary>
public sealed class ReminderRulesTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static ReminderRules Rules(string daysBefore = "14;3", int deadlineDays = 30)
    {
        var calendar = new ReportingCalendar(Options.Create(new ReportingOptions { DeadlineDays = deadlineDays }), TestPlan.Plans, TestPlan.Units,
            new FakeTimeProvider(Utc(2021, 10, 1)));
        return new ReminderRules(calendar, Options.Create(new ReminderOptions { DaysBefore = daysBefore }));
    }

    [Fact]
    public void A_quarter_has_one_window_per_offset_each_until_the_next_is_due_then_the_late_notice_until_the_next_deadline()
    {
        var windows = Rules().WindowsOf(Q3);

        Assert.Equal(
        [
            ("before-14", Utc(2021, 10, 17), Utc(2021, 10, 28)),
            ("before-3", Utc(2021, 10, 28), Utc(2021, 10, 31)),
            ("late", Utc(2021, 10, 31), Utc(2022, 1, 31)),
        ], windows.Select(w => (w.Key, w.Opens, w.Closes)));
        Assert.All(windows, w => Assert.Equal(Utc(2021, 10, 31), w.Deadline));
    }

    [Theory]
    [InlineData("3;14")]
    [InlineData("14; 3; 14")]
    [InlineData("014,3")]
    public void Offsets_are_taken_largest_first_whatever_the_order_or_repeats(string daysBefore)
    {
        Assert.Equal(["before-14", "before-3", "late"], Rules(daysBefore).WindowsOf(Q3).Select(w => w.Key));
    }

    [Fact]
    public void No_reminder_window_starts_before_the_quarter_opens_and_one_that_would_end_before_is_dropped()
    {
        // Deadline on the quarter's last day: 100 days before is before the quarter opens, 95 days too.
        var windows = Rules("100;95;10", deadlineDays: 0).WindowsOf(Q3);

        Assert.Equal(["before-95", "before-10", "late"], windows.Select(w => w.Key));
        Assert.Equal(ReportingCalendar.Opens(Q3), windows[0].Opens);
    }

    [Fact]
    public void Without_offsets_only_the_late_notice_remains()
    {
        Assert.Equal(["late"], Rules("").WindowsOf(Q3).Select(w => w.Key));
    }

    [Theory]
    [InlineData(2021, 10, 16, "2021-Q2:late")]
    [InlineData(2021, 10, 17, "2021-Q2:late 2021-Q3:before-14")]
    [InlineData(2021, 10, 27, "2021-Q2:late 2021-Q3:before-14")]
    [InlineData(2021, 10, 28, "2021-Q2:late 2021-Q3:before-3")]
    [InlineData(2021, 10, 31, "2021-Q3:late")]
    [InlineData(2022, 1, 17, "2021-Q3:late 2021-Q4:before-14")]
    [InlineData(2022, 1, 31, "2021-Q4:late")]
    public void At_most_one_window_per_quarter_is_open_at_an_instant(int year, int month, int day, string open)
    {
        var windows = Rules().OpenAt(Utc(year, month, day, 13));

        Assert.Equal(open, string.Join(" ", windows.Select(w => $"{w.Period}:{w.Key}")));
    }

    [Fact]
    public void Quarters_in_play_are_the_last_due_and_those_open_with_a_deadline_ahead_within_the_plan()
    {
        var rules = Rules();

        Assert.Equal([new(2021, 2), Q3, new(2021, 4)], rules.PeriodsInPlay(Utc(2021, 10, 17)));
        // The test plan ends in 2022: its last quarter stays overdue until 2023-Q1's deadline, which is outside it.
        Assert.Equal([new ReportingPeriod(2022, 4)], rules.PeriodsInPlay(Utc(2023, 3, 1)));
        Assert.Empty(rules.PeriodsInPlay(Utc(2023, 6, 1)));
        Assert.Empty(rules.OpenAt(Utc(2019, 12, 1)));
    }

    [Fact]
    public void The_weekly_list_covers_the_overdue_quarter_and_a_due_one_once_its_first_reminder_has_begun()
    {
        var rules = Rules();

        Assert.Equal([new ReportingPeriod(2021, 2)], rules.ListedAt(Utc(2021, 10, 16)));
        Assert.Equal([new ReportingPeriod(2021, 2), Q3], rules.ListedAt(Utc(2021, 10, 17)));
        Assert.Equal([Q3], rules.ListedAt(Utc(2021, 12, 1)));
    }

    [Theory]
    [InlineData(2021, 10, 17, "2021-W41")]
    [InlineData(2021, 10, 18, "2021-W42")]
    [InlineData(2021, 1, 3, "2020-W53")]
    [InlineData(2024, 12, 30, "2025-W01")]
    public void Weeks_are_ISO_8601_and_sort_as_text(int year, int month, int day, string week)
    {
        Assert.Equal(week, ReminderRules.WeekOf(Utc(year, month, day, 23)));
    }
}
