using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Unit.Plan;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2021-Q3", 2021, 3)]
    [InlineData("2020-Q1", 2020, 1)]
    [InlineData("2022-Q4", 2022, 4)]
    [InlineData(" 2021-q2 ", 2021, 2)]
    public void Parses_year_dash_quarter(string text, int year, int quarter)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(new ReportingPeriod(year, quarter), period);
        Assert.Equal(period, ReportingPeriod.Parse(text));
    }

    [Theory]
    [InlineData("2021-Q5")]
    [InlineData("2021-Q0")]
    [InlineData("2021Q3")]
    [InlineData("21-Q1")]
    [InlineData("2021-3")]
    [InlineData("2021-Q3x")]
    [InlineData("Q3-2021")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_anything_but_year_dash_quarter(string? text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out _));
        if (text is not null)
        {
            var ex = Assert.Throws<FormatException>(() => ReportingPeriod.Parse(text));
            Assert.Contains("YYYY-Qn", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Formats_as_it_parses()
    {
        Assert.Equal("2021-Q3", new ReportingPeriod(2021, 3).ToString());
        Assert.Equal("2020-Q1", ReportingPeriod.Parse("2020-q1").ToString());
    }

    [Fact]
    public void Orders_by_year_then_quarter()
    {
        var periods = new[] { "2021-Q1", "2020-Q4", "2022-Q2", "2021-Q3", "2020-Q1" }.Select(ReportingPeriod.Parse).ToList();
        periods.Sort();
        Assert.Equal(["2020-Q1", "2020-Q4", "2021-Q1", "2021-Q3", "2022-Q2"], periods.Select(p => p.ToString()));

        var q4 = new ReportingPeriod(2020, 4);
        var q1 = new ReportingPeriod(2021, 1);
        Assert.True(q4 < q1);
        Assert.True(q1 > q4);
        Assert.True(q4 <= new ReportingPeriod(2020, 4));
        Assert.True(q1 >= q4);
        Assert.Equal(0, q4.CompareTo(new ReportingPeriod(2020, 4)));
    }

    [Theory]
    [InlineData("2021-Q1", "2020-Q4", "2021-Q2")]
    [InlineData("2021-Q4", "2021-Q3", "2022-Q1")]
    [InlineData("2022-Q2", "2022-Q1", "2022-Q3")]
    public void Previous_and_next_cross_year_boundaries(string period, string previous, string next)
    {
        var p = ReportingPeriod.Parse(period);
        Assert.Equal(ReportingPeriod.Parse(previous), p.Previous);
        Assert.Equal(ReportingPeriod.Parse(next), p.Next);
        Assert.Equal(p, p.Next.Previous);
    }

    [Theory]
    [InlineData("2021-Q1", 2021, 4)]
    [InlineData("2021-Q2", 2021, 7)]
    [InlineData("2021-Q3", 2021, 10)]
    [InlineData("2021-Q4", 2022, 1)]
    public void EndExclusive_is_midnight_utc_of_the_first_day_after_the_quarter(string period, int year, int month)
    {
        var end = ReportingPeriod.Parse(period).EndExclusive;
        Assert.Equal(new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
    }
}
