using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Functions.Portal.Pages.Trends;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>The trends page's long tables a page at a time: which rows a page shows, and the addresses of the others.</summary>
public sealed class TrendPagesTests
{
    [Theory]
    [InlineData(1, 500, 50, 1, 10, 1, 50)]
    [InlineData(10, 500, 50, 10, 10, 451, 500)]
    [InlineData(11, 500, 50, 10, 10, 451, 500)]
    [InlineData(0, 500, 50, 1, 10, 1, 50)]
    [InlineData(3, 101, 50, 3, 3, 101, 101)]
    [InlineData(2, 20, 50, 1, 1, 1, 20)]
    [InlineData(4, 0, 50, 1, 1, 0, 0)]
    public void A_page_asked_for_is_kept_within_the_tables_pages(int requested, int total, int size, int page, int pages, int first, int last)
    {
        var window = TableWindow.Of(requested, total, size);
        Assert.Equal((page, pages, first, last), (window.Page, window.Pages, window.First, window.Last));
        Assert.Equal(Enumerable.Range(1, total).Skip(first - 1).Take(last - first + 1), window.Of(Enumerable.Range(1, total)));
    }

    [Fact]
    public void Anything_but_a_positive_whole_number_is_the_first_page()
    {
        var query = new Dictionary<string, string> { ["units"] = "3", ["stalled"] = "-2", ["activities"] = "dos" };
        Assert.Equal(new TrendPages(3, 1, 1), TrendPages.Of(name => query.GetValueOrDefault(name, "")));
        Assert.Equal(TrendPages.First, TrendPages.Of(_ => ""));
        Assert.Equal(TrendPages.First, TrendPages.Of(_ => "99999999999999"));
        Assert.Equal(new TrendPages(1, 1, 7), TrendPages.Of(name => name == "activities" ? "7" : "1,5"));
    }

    [Fact]
    public void A_link_keeps_the_plan_the_range_and_the_other_tables_pages()
    {
        var range = new TrendRange(RealPlan.Catalog, new ReportingPeriod(2021, 1), new ReportingPeriod(2021, 3));
        Assert.Equal($"/coalition/trends?plan={RealPlan.Catalog.Id}&from=2021-Q1&to=2021-Q3&units=2&activities=4#activities",
            new TrendPages(2, 1, 4).Link(range, "activities"));
        Assert.Equal($"/coalition/trends?plan={RealPlan.Catalog.Id}&from=2021-Q1&to=2021-Q3#units", TrendPages.First.Link(range, "units"));
    }
}
