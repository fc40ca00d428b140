using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Plan;

public sealed class DeadlineTextTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    [Fact]
    public void The_last_day_to_send_is_a_date_in_the_readers_language_ending_on_the_units_named_clock()
    {
        var gt = ReportingCalendar.Dates(Q3, RealPlan.Unit("GT").Zone, 30, 15);
        var bz = ReportingCalendar.Dates(Q3, RealPlan.Unit("BZ").Zone, 30, 15);
        var @do = ReportingCalendar.Dates(Q3, RealPlan.Unit("DO").Zone, 30, 15);

        Assert.Equal("Último día para enviar: 30 de octubre de 2021, hasta las 23:59 (hora de Guatemala, UTC−6)", DeadlineText.Sentence(gt, Language.Es));
        Assert.Equal("Last day to send: 30 October 2021, until 23:59 (Belize time, UTC−6)", DeadlineText.Sentence(bz, Language.En));
        Assert.Equal("30 de octubre de 2021, hasta las 23:59 (hora de República Dominicana, UTC−4)", DeadlineText.LastDayToSend(@do, Language.Es));
        Assert.Equal("30 de octubre de 2021, hasta las 23:59 en la hora de cada unidad", DeadlineText.ForEveryUnit(gt.LastDayToSend, Language.Es));
    }

    [Fact]
    public void The_wording_follows_the_calendars_last_day_to_send_whatever_the_deadline_days()
    {
        var q4 = new ReportingPeriod(2021, 4);

        foreach (var days in new[] { 0, 1, 30, 45 })
        {
            var dates = ReportingCalendar.Dates(q4, ReportingZone.Utc, days, 15);
            Assert.Equal(ReportingCalendar.LastDayToSend(q4, days), dates.LastDayToSend);
            Assert.StartsWith(DeadlineText.Date(dates.LastDayToSend, Language.Es), DeadlineText.LastDayToSend(dates, Language.Es), StringComparison.Ordinal);
        }
        Assert.Equal("31 de diciembre de 2021", DeadlineText.Date(ReportingCalendar.LastDayToSend(q4, 0), Language.Es));
        Assert.Equal("30 January 2022", DeadlineText.Date(ReportingCalendar.LastDayToSend(q4, 30), Language.En));
    }

    [Fact]
    public void The_ST_is_on_the_coalitions_clock_named_after_the_country_whose_clock_it_shares()
    {
        var st = RealPlan.Unit("ST").Zone;

        Assert.Equal("America/Guatemala", st.Id);
        Assert.Same(st, RealPlan.Units.Coalition);
        Assert.Equal("hora de Guatemala, UTC−6", st.Name(new DateTimeOffset(2021, 10, 30, 12, 0, 0, TimeSpan.Zero), Language.Es));
    }

    [Fact]
    public void An_instant_is_worded_by_its_day_and_time_on_the_readers_clock_with_the_zone_named()
    {
        var lateEvening = new DateTimeOffset(2021, 11, 1, 23, 30, 0, TimeSpan.FromHours(-6)); // 2 November, 05:30 UTC
        var gt = RealPlan.Unit("GT").Zone;

        Assert.Equal("1 de noviembre de 2021", DeadlineText.Date(lateEvening, gt, Language.Es));
        Assert.Equal("2 November 2021", DeadlineText.Date(lateEvening, ReportingZone.Utc, Language.En));
        Assert.Equal("30 de octubre de 2021, 19:00 (hora de Guatemala, UTC−6)",
            DeadlineText.DateTime(new DateTimeOffset(2021, 10, 31, 1, 0, 0, TimeSpan.Zero), gt, Language.Es));
        Assert.Equal("30 October 2021, 21:00 (Dominican Republic time, UTC−4)",
            DeadlineText.DateTime(new DateTimeOffset(2021, 10, 31, 1, 0, 0, TimeSpan.Zero), RealPlan.Unit("DO").Zone, Language.En));
    }

    [Fact]
    public void A_zone_with_daylight_saving_names_the_offset_in_force_and_its_day_starts_where_midnight_is_skipped()
    {
        Assert.True(ReportingZone.TryFind("America/New_York", new LocalizedText("Nueva York", "New York"), out var ny));
        Assert.Equal("New York time, UTC−4", ny.Name(new DateTimeOffset(2021, 7, 1, 12, 0, 0, TimeSpan.Zero), Language.En));
        Assert.Equal("New York time, UTC−5", ny.Name(new DateTimeOffset(2021, 12, 1, 12, 0, 0, TimeSpan.Zero), Language.En));
        Assert.Equal(new DateTimeOffset(2021, 11, 1, 4, 0, 0, TimeSpan.Zero), ny.StartOf(new DateOnly(2021, 11, 1)));   // EDT
        Assert.Equal(new DateTimeOffset(2021, 11, 8, 5, 0, 0, TimeSpan.Zero), ny.StartOf(new DateOnly(2021, 11, 8)));   // EST

        // Santiago de Chile moved its clocks from 00:00 to 01:00 on 5 September 2021: that day began at 01:00 local (04:00 UTC).
        Assert.True(ReportingZone.TryFind("America/Santiago", new LocalizedText("Chile", "Chile"), out var santiago));
        Assert.Equal(new DateTimeOffset(2021, 9, 5, 4, 0, 0, TimeSpan.Zero), santiago.StartOf(new DateOnly(2021, 9, 5)));
        Assert.Equal(new DateOnly(2021, 9, 5), santiago.DayOf(santiago.StartOf(new DateOnly(2021, 9, 5))));
        Assert.Equal(new DateOnly(2021, 9, 4), santiago.DayOf(santiago.StartOf(new DateOnly(2021, 9, 5)).AddTicks(-1)));
    }

    [Fact]
    public void Only_IANA_zones_known_here_are_accepted()
    {
        Assert.False(ReportingZone.TryFind("Central America Standard Time", new LocalizedText("x", "x"), out _));   // a Windows id
        Assert.False(ReportingZone.TryFind("America/Atlantis", new LocalizedText("x", "x"), out _));
        Assert.False(ReportingZone.TryFind("", new LocalizedText("x", "x"), out _));
    }
}
