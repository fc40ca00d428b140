using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Plan;

public sealed class DeadlineTextTests
{
    [Fact]
    public void The_last_day_to_send_is_a_date_in_the_readers_language()
    {
        var q3 = new ReportingPeriod(2021, 3);

        Assert.Equal("30 de octubre de 2021", DeadlineText.For(q3, 30, Language.Es));
        Assert.Equal("30 October 2021", DeadlineText.For(q3, 30, Language.En));
        Assert.Equal("Último día para enviar: 30 de octubre de 2021", DeadlineText.Sentence(q3, 30, Language.Es));
        Assert.Equal("Last day to send: 30 October 2021", DeadlineText.Sentence(q3, 30, Language.En));
    }

    [Fact]
    public void The_wording_follows_the_calendars_last_day_to_send_whatever_the_deadline_days()
    {
        var q4 = new ReportingPeriod(2021, 4);

        foreach (var days in new[] { 0, 1, 30, 45 })
        {
            var day = ReportingCalendar.LastDayToSend(q4, days);
            Assert.Equal(DeadlineText.Date(day, Language.Es), DeadlineText.For(q4, days, Language.Es));
        }
        Assert.Equal("31 de diciembre de 2021", DeadlineText.For(q4, 0, Language.Es));
        Assert.Equal("30 January 2022", DeadlineText.For(q4, 30, Language.En));
    }

    [Fact]
    public void The_calendars_wording_uses_its_configured_deadline_days()
    {
        var calendar = new ReportingCalendar(Options.Create(new ReportingOptions { DeadlineDays = 45 }), RealPlan.Plans, TimeProvider.System);
        var q3 = new ReportingPeriod(2021, 3);

        Assert.Equal(DeadlineText.For(q3, 45, Language.Es), DeadlineText.For(calendar, q3, Language.Es));
        Assert.Equal("14 November 2021", DeadlineText.For(calendar, q3, Language.En));
    }

    [Fact]
    public void An_instant_is_worded_by_its_UTC_day()
    {
        var lateEvening = new DateTimeOffset(2021, 11, 1, 23, 30, 0, TimeSpan.FromHours(-6)); // 2 November, 05:30 UTC

        Assert.Equal("2 de noviembre de 2021", DeadlineText.Date(lateEvening, Language.Es));
        Assert.Equal("2 November 2021", DeadlineText.Date(lateEvening, Language.En));
    }
}
