using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Workbooks;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>
/// The as-of form's reading (issue 22): day, month and year, an optional hour and minute, on the coalition's clock
/// (Guatemala, UTC−6 all year) and on one with daylight saving (New York), into the UTC instant the download takes; and
/// every problem a person can make, each with a message saying what to do and the fields it concerns.
/// </summary>
public sealed class AsOfDateInputTests
{
    /// <summary>23 November 2021, 09:00 in Guatemala.</summary>
    private static readonly DateTimeOffset Now = new(2021, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static ReportingZone Guatemala => Zone("America/Guatemala", "Guatemala");

    private static ReportingZone NewYork => Zone("America/New_York", "Nueva York", "New York");

    private static ReportingZone Zone(string id, string es, string? en = null)
    {
        Assert.True(ReportingZone.TryFind(id, new LocalizedText(es, en ?? es), out var zone));
        return zone;
    }

    private static AsOfDateEntry Typed(string day, string month, string year, string hour = "", string minute = "") => new(day, month, year, hour, minute);

    private static DateTimeOffset Instant(AsOfDateReading reading)
    {
        Assert.Empty(reading.Problems);
        return Assert.NotNull(reading.Instant);
    }

    private static AsOfProblem Problem(AsOfDateReading reading)
    {
        Assert.Null(reading.Instant);
        return Assert.Single(reading.Problems);
    }

    [Fact]
    public void A_date_and_time_on_the_coalition_s_clock_is_the_instant_in_UTC()
    {
        Assert.Equal(new DateTimeOffset(2021, 11, 15, 16, 30, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("15", "11", "2021", "10", "30"), Guatemala, Now)));
        // Leading zeros and spaces around a part are read as people type them; an hour alone is on the hour.
        Assert.Equal(new DateTimeOffset(2021, 11, 5, 15, 0, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed(" 05", "11 ", "2021", "09"), Guatemala, Now)));
        Assert.Equal(new DateTimeOffset(2021, 11, 5, 6, 0, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("5", "11", "2021", "0", "0"), Guatemala, Now)));
    }

    [Fact]
    public void Without_a_time_the_date_is_the_end_of_that_day_or_now_when_it_is_today()
    {
        Assert.Equal(new DateTimeOffset(2021, 11, 16, 6, 0, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("15", "11", "2021"), Guatemala, Now)));
        Assert.Equal(Now, Instant(AsOfDateInput.Read(Typed("23", "11", "2021"), Guatemala, Now)));
        // 29 February exists in a leap year.
        Assert.Equal(new DateTimeOffset(2020, 3, 1, 6, 0, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("29", "2", "2020"), Guatemala, Now)));
    }

    [Fact]
    public void An_empty_date_asks_for_the_date_on_all_three_fields()
    {
        var problem = Problem(AsOfDateInput.Read(AsOfDateEntry.Empty, Guatemala, Now));

        Assert.Equal([AsOfPart.Day, AsOfPart.Month, AsOfPart.Year], problem.Parts);
        Assert.Equal(AsOfDateTexts.DateMissing, problem.Message);
        Assert.StartsWith("Escriba la fecha", problem.Message.Es, StringComparison.Ordinal);
        Assert.StartsWith("Enter the date", problem.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_left_empty_is_named_and_its_field_is_the_one_linked()
    {
        var problem = Problem(AsOfDateInput.Read(Typed("15", "", ""), Guatemala, Now));

        Assert.Equal([AsOfPart.Month, AsOfPart.Year], problem.Parts);
        Assert.Equal(AsOfPart.Month, problem.First);
        Assert.Contains("debe incluir el mes y el año: escríbalos en números", problem.Message.Es, StringComparison.Ordinal);
        Assert.Contains("must include a month and a year: write them as numbers", problem.Message.En, StringComparison.Ordinal);

        var day = Problem(AsOfDateInput.Read(Typed("", "11", "2021", "10"), Guatemala, Now));
        Assert.Equal([AsOfPart.Day], day.Parts);
        Assert.Contains("debe incluir el día: escríbalo", day.Message.Es, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "11", "2021", AsOfPart.Day)]
    [InlineData("32", "11", "2021", AsOfPart.Day)]
    [InlineData("quince", "11", "2021", AsOfPart.Day)]
    [InlineData("15", "nov", "2021", AsOfPart.Month)]
    [InlineData("15", "13", "2021", AsOfPart.Month)]
    [InlineData("15", "-1", "2021", AsOfPart.Month)]
    [InlineData("15", "11", "21", AsOfPart.Year)]
    [InlineData("15", "11", "20210", AsOfPart.Year)]
    [InlineData("15", "11", "2021.5", AsOfPart.Year)]
    public void A_part_that_is_not_a_number_in_its_range_says_which_numbers_it_takes(string day, string month, string year, AsOfPart wrong)
    {
        var problem = Problem(AsOfDateInput.Read(Typed(day, month, year), Guatemala, Now));

        Assert.Equal(wrong, problem.First);
        Assert.Equal(wrong switch { AsOfPart.Day => AsOfDateTexts.DayWrong, AsOfPart.Month => AsOfDateTexts.MonthWrong, _ => AsOfDateTexts.YearWrong }, problem.Message);
    }

    [Fact]
    public void A_day_the_month_does_not_have_is_refused_saying_how_many_days_it_has()
    {
        var problem = Problem(AsOfDateInput.Read(Typed("31", "2", "2021", "10"), Guatemala, Now));

        Assert.Equal([AsOfPart.Day], problem.Parts);
        Assert.Equal("El día 31 no existe en febrero de 2021, que tiene 28 días: escriba una fecha real, p. ej. 28 2 2021.", problem.Message.Es);
        Assert.Equal("Day 31 does not exist in February 2021, which has 28 days: enter a real date, for example 28 2 2021.", problem.Message.En);
        Assert.Contains("30 días", Problem(AsOfDateInput.Read(Typed("31", "11", "2021"), Guatemala, Now)).Message.Es, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "30", AsOfPart.Hour)]
    [InlineData("24", "", AsOfPart.Hour)]
    [InlineData("las 3", "", AsOfPart.Hour)]
    [InlineData("10", "60", AsOfPart.Minute)]
    [InlineData("10", "media", AsOfPart.Minute)]
    public void A_wrong_time_is_its_own_problem_beside_the_date_s(string hour, string minute, AsOfPart wrong)
    {
        var reading = AsOfDateInput.Read(Typed("15", "11", "2021", hour, minute), Guatemala, Now);

        var problem = Problem(reading);
        Assert.Equal(wrong, problem.First);
        Assert.False(problem.AboutDate);
        Assert.Equal(hour.Length == 0 ? AsOfDateTexts.HourMissing : wrong == AsOfPart.Hour ? AsOfDateTexts.HourWrong : AsOfDateTexts.MinuteWrong, problem.Message);

        // A wrong date and a wrong time are both reported, the date's first (the summary's order is the form's).
        var both = AsOfDateInput.Read(Typed("", "", "", hour, minute), Guatemala, Now);
        Assert.Equal([true, false], both.Problems.Select(p => p.AboutDate));
    }

    [Fact]
    public void An_instant_still_to_come_is_refused_naming_it_and_now_on_the_coalition_s_clock()
    {
        var later = Problem(AsOfDateInput.Read(Typed("23", "11", "2021", "10", "00"), Guatemala, Now));
        Assert.Equal([AsOfPart.Day, AsOfPart.Month, AsOfPart.Year, AsOfPart.Hour, AsOfPart.Minute], later.Parts);
        Assert.Equal("El 23 de noviembre de 2021, 10:00 (hora de Guatemala, UTC−6) todavía no ha llegado: escriba una fecha y hora pasadas; ahora es el 23 de noviembre de 2021, 09:00 (hora de Guatemala, UTC−6).", later.Message.Es);
        Assert.StartsWith("23 November 2021, 10:00 (Guatemala time, UTC−6) has not come yet: enter a past date and time", later.Message.En, StringComparison.Ordinal);

        // The same minute as now is not to come; a day after today, with no time, is.
        Assert.Equal(Now, Instant(AsOfDateInput.Read(Typed("23", "11", "2021", "9", "0"), Guatemala, Now)));
        var tomorrow = Problem(AsOfDateInput.Read(Typed("24", "11", "2021"), Guatemala, Now));
        Assert.Equal([AsOfPart.Day, AsOfPart.Month, AsOfPart.Year], tomorrow.Parts);
        Assert.StartsWith("El 24 de noviembre de 2021 todavía no ha llegado: escriba una fecha pasada o la de hoy", tomorrow.Message.Es, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_clock_with_daylight_saving_each_local_time_takes_the_offset_in_force_that_day()
    {
        var zone = NewYork;
        var now = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2021, 3, 14, 4, 0, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("13", "3", "2021", "23"), zone, now)));   // EST, UTC−5
        Assert.Equal(new DateTimeOffset(2021, 3, 14, 7, 30, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("14", "3", "2021", "3", "30"), zone, now)));   // EDT, UTC−4
        Assert.Equal(new DateTimeOffset(2021, 7, 1, 16, 0, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("1", "7", "2021", "12"), zone, now)));
        // The end of the day the clocks go forward is the next midnight, in EDT.
        Assert.Equal(new DateTimeOffset(2021, 3, 15, 4, 0, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("14", "3", "2021"), zone, now)));
        // 01:30 happened twice on 7 November 2021: the first, in EDT.
        Assert.Equal(new DateTimeOffset(2021, 11, 7, 5, 30, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("7", "11", "2021", "1", "30"), zone, now)));
        Assert.Equal(new DateTimeOffset(2021, 11, 7, 7, 30, 0, TimeSpan.Zero), Instant(AsOfDateInput.Read(Typed("7", "11", "2021", "2", "30"), zone, now)));   // EST
    }

    [Fact]
    public void A_local_time_the_clocks_skipped_is_refused_naming_the_jump()
    {
        var problem = Problem(AsOfDateInput.Read(Typed("14", "3", "2021", "2", "30"), NewYork, new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal([AsOfPart.Hour, AsOfPart.Minute], problem.Parts);
        Assert.Equal("Las 02:30 del 14 de marzo de 2021 no existieron en la hora de Nueva York: ese día el reloj pasó de las 02:00 a las 03:00. Escriba una hora anterior o posterior al cambio.", problem.Message.Es);
        Assert.Equal("02:30 on 14 March 2021 did not happen in New York time: that day the clocks went from 02:00 to 03:00. Enter a time before or after the change.", problem.Message.En);
    }

    [Fact]
    public void An_instant_before_the_quarter_s_first_accepted_report_names_the_first_minute_that_works()
    {
        var first = new DateTimeOffset(2021, 10, 10, 9, 0, 30, TimeSpan.Zero);

        var problem = Assert.IsType<AsOfProblem>(AsOfDateInput.BeforeStart(new DateTimeOffset(2021, 10, 10, 9, 0, 0, TimeSpan.Zero), first, Guatemala));
        Assert.Equal(AsOfPart.Day, problem.First);
        Assert.Equal("El libro consolidado de este trimestre empieza el 10 de octubre de 2021, 03:01 (hora de Guatemala, UTC−6), cuando se aceptó su primer informe: escriba esa fecha y hora o una posterior.", problem.Message.Es);
        Assert.Contains("begins on 10 October 2021, 03:01 (Guatemala time, UTC−6)", problem.Message.En, StringComparison.Ordinal);

        Assert.Null(AsOfDateInput.BeforeStart(new DateTimeOffset(2021, 10, 10, 9, 1, 0, TimeSpan.Zero), first, Guatemala));
        Assert.Null(AsOfDateInput.BeforeStart(first, first, Guatemala));
        Assert.Equal(AsOfDateTexts.NothingAccepted, AsOfDateInput.BeforeStart(Now, null, Guatemala)!.Message);
    }

    [Fact]
    public void The_first_whole_minute_of_an_instant_is_itself_when_whole_else_the_next()
    {
        var whole = new DateTimeOffset(2021, 10, 10, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(whole, AsOfDateInput.FirstWholeMinute(whole));
        Assert.Equal(whole.AddMinutes(1), AsOfDateInput.FirstWholeMinute(whole.AddTicks(1)));
    }
}
