using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Tests.Integration.Trends;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// The trends page through the real server, read with a real HTML parser: every chart says the numbers its table says,
/// every table cell is the trend series' figure, and every quarter's figures are the progress page's for the same
/// instant; readers only; a plan or quarter that does not exist is refused with its reason.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalTrendsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Path = "coalition/trends?plan=2020-2022&from=2021-Q1&to=2021-Q3";
    private static readonly ReportingPeriod Q1 = new(2021, 1), Q3 = new(2021, 3);

    private PortalHost _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalHost.StartAsync(azurite, blobEvents: false);
        await SeedAsync(_portal);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>Three quarters: four units in Q1, three in Q2 (HN stops), two in Q3 (low coverage); 1.1.1.2 moves in Q3, the rest stays put.</summary>
    internal static async Task SeedAsync(PortalHost portal)
    {
        foreach (var unit in new[] { "GT", "BZ", "HN" })
            await portal.SubmitAsync(unit, "2021-Q1", FilledSheet.Complete(unit, "2021-Q1").Ejecutado("1.1.1.2", 10).Build());
        foreach (var unit in new[] { "GT", "BZ" })
            await portal.SubmitAsync(unit, "2021-Q2", FilledSheet.Complete(unit, "2021-Q2").Ejecutado("1.1.1.2", 20).Build());
        await portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 60).Build());
        // The ST reports regional and shared activities only (1.1.1.2 is national).
        foreach (var period in new[] { "2021-Q1", "2021-Q2", "2021-Q3" })
            await portal.SubmitAsync("ST", period, FilledSheet.Complete("ST", period).Build());
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string role = PortalRoles.CoalitionReader)
    {
        using var client = _portal.As("presidencia@coalicion.example.org", role);
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_chart_says_the_numbers_its_table_says_and_they_are_the_series_figures()
    {
        var (status, html) = await GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, status);
        var page = TrendPageReading.Parse(html);
        var series = await _portal.Server.Services.GetRequiredService<TrendService>()
            .GetAsync(new TrendRange(RealPlan.Catalog, Q1, Q3), default);

        var charts = page.Charts;
        Assert.Equal(["trend-overall", .. RealPlan.Catalog.Axes.Select(a => $"trend-axis-{a.Code}"), "trend-rate"], charts.Select(c => c.Id));
        foreach (var chart in charts)
        {
            Assert.Equal(["2021-Q1", "2021-Q2", "2021-Q3"], chart.InTable.Keys);
            Assert.Equal(chart.InTable, chart.InChart);
        }

        foreach (var quarter in series.Quarters)
        {
            var q = quarter.Period.ToString();
            Assert.Equal(FigureFormat.Percent(quarter.Overall.Execution, Language.Es), charts[0].InTable[q]);
            foreach (var axis in quarter.Axes)
                Assert.Equal(FigureFormat.Percent(axis.Figures.Execution, Language.Es), charts.Single(c => c.Id == $"trend-axis-{axis.AxisCode}").InTable[q]);
            Assert.Equal($"{quarter.Rate.Reported}/{quarter.Rate.Expected}", charts[^1].InTable[q]);

            // The progress page's figures for the same quarter, at the same instant.
            var (progress, _) = await _portal.Server.Services.GetRequiredService<MergedWorkbookService>().CalculateAsync(quarter.Period, default);
            Assert.Equal(progress.Overall, quarter.Overall);
            var rateRow = page.Rows("trend-rate").Single(r => r[0] == quarter.Period.Label(Language.Es));
            Assert.Equal([$"{progress.UnitsReported}/{progress.UnitsExpected}",
                    .. new[] { SubmissionTimeliness.OnTime, SubmissionTimeliness.Late, SubmissionTimeliness.RejectedOnly, SubmissionTimeliness.Missing }
                        .Select(t => progress.Count(t).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                rateRow.Skip(1));
            var overallRow = page.Rows("trend-overall").Single(r => r[0] == quarter.Period.Label(Language.Es));
            Assert.Equal(progress.Overall.IsPartial ? FigureFormat.Percent(progress.Overall.LowerBoundExecution, Language.Es) : "—", overallRow[2]);
            Assert.Equal($"{progress.Overall.UnitsReporting} de {progress.Overall.UnitsExpected} unidades", overallRow[3]);
        }

        // HN stopped after Q1; Q3 has two of nine units: drawn as low coverage, said in the table.
        Assert.Equal("cobertura baja", page.Rows("trend-overall").Single(r => r[0] == "3.er trimestre de 2021")[5]);
        Assert.NotEmpty(page.Document.QuerySelectorAll("#trend-overall circle[fill='#fff']"));
        var honduras = page.Rows("trend-units").Single(r => r[0] == "Honduras");
        Assert.Equal(["Falta", "Falta"], honduras.Skip(2).Select(cell => cell[^5..]));

        // 1.1.1.2 moved in Q3 (GT: 20 → 60); activities nobody moved since Q1 are listed as stalled.
        Assert.Equal(series.Movers.Select(m => m.Activity.Code), page.Rows("trend-movers").Select(r => r[0].Split(' ')[0]));
        Assert.Equal("1.1.1.2", series.Movers[0].Activity.Code);
        Assert.Equal(series.Stalled.Select(s => (s.Latest.Activity.Code, s.Quarters.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            page.Rows("trend-stalled").Select(r => (r[0].Split(' ')[0], r[1])));
        Assert.Equal(RealPlan.Catalog.Activities.Count, page.Rows("trend-activities").Count);
    }

    [Fact]
    public async Task Every_coalition_page_links_to_the_trends_page()
    {
        foreach (var path in new[] { "coalition/2021-Q3", "coalition/2021-Q3/progress", "coalition/2021-Q3/digest" })
        {
            var (status, html) = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(TrendPageReading.Parse(html).Document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == "/coalition/trends");
        }
    }

    [Fact]
    public async Task Only_readers_see_it_and_an_unknown_plan_or_a_malformed_quarter_is_refused_with_its_reason()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Path, "Unit.GT")).Status);

        var (planStatus, planBody) = await GetAsync("coalition/trends?plan=1999-2001");
        Assert.Equal(HttpStatusCode.NotFound, planStatus);
        Assert.Contains("1999-2001", planBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("coalition/trends?from=2021-Q9")).Status);

        // No range: the plan of the calendar's quarter, from its first quarter to the calendar's.
        var (status, html) = await GetAsync("coalition/trends");
        Assert.Equal(HttpStatusCode.OK, status);
        var picker = TrendPageReading.Parse(html).Document;
        Assert.Equal("2020-Q1", picker.QuerySelector("#from option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_focal_point_sees_its_own_history_with_the_trend_series_figures_for_its_unit()
    {
        var (status, html) = await GetAsync("units/GT", "Unit.GT");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = TrendPageReading.Parse(html);
        var series = await _portal.Server.Services.GetRequiredService<TrendService>()
            .GetAsync(TrendRange.Of(RealPlan.Catalog, new ReportingPeriod(2021, 2)), default);

        var history = Assert.Single(page.Charts);
        Assert.Equal(history.InTable, history.InChart);
        foreach (var quarter in series.Quarters)
        {
            var gt = quarter.Unit("GT")!;
            Assert.Equal(FigureFormat.Percent(gt.HasReported ? gt.Figures?.Execution : null, Language.Es), history.InTable[quarter.Period.ToString()]);
        }
        // Only its own figures: no other unit's name in the history.
        Assert.DoesNotContain("Belice", page.Document.QuerySelector("figure[data-chart='unit-history']")!.TextContent, StringComparison.Ordinal);
    }
    /// <summary>
    /// The page's one link to the plan matrix: the file is the filled matrix of the calendar's plan (to the calendar's
    /// quarter, 2021-Q2 at the portal's clock), each ejecutado the progress page's figure for the same instant; readers
    /// only; a bad year is refused; when every build slot is taken, 429 with Retry-After.
    /// </summary>
    [Fact]
    public async Task The_trends_page_links_to_the_filled_plan_matrix_whose_figures_are_the_progress_pages()
    {
        var (_, html) = await GetAsync(Path);
        var link = Assert.Single(TrendPageReading.Parse(html).Document.QuerySelectorAll("a[href^='/coalition/trends/plan-matrix.xlsx']"));
        var href = link.GetAttribute("href")!;
        Assert.Equal("/coalition/trends/plan-matrix.xlsx?plan=2020-2022", href);

        using var client = _portal.As("presidencia@coalicion.example.org", PortalRoles.CoalitionReader);
        using var response = await client.GetAsync(href.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Core.Sheets.Xlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("matriz-2020-2022-al-2021-Q2.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = new PlanMatrixReading(workbook, "Matriz", "Año");
        Assert.Equal("Año 2021: en curso (al 2021-Q2)", sheet.YearTitles[2021]);
        var (progress, _) = await _portal.Server.Services.GetRequiredService<MergedWorkbookService>().CalculateAsync(new ReportingPeriod(2021, 2), default);
        foreach (var activity in RealPlan.Catalog.Activities)
            PlanMatrixReportTests.SaysTheFigure(progress.Activities.Single(a => a.Activity.Code == activity.Code), sheet.Cells(activity.Code, 2021), Language.Es);

        using var english = await client.GetAsync(href.TrimStart('/') + "&lang=en");
        using (var inEnglish = new ClosedXML.Excel.XLWorkbook(await english.Content.ReadAsStreamAsync()))
            Assert.Equal("Year 2021: in progress (to 2021-Q2)", new PlanMatrixReading(inEnglish, "Matrix", "Year").YearTitles[2021]);

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(href.TrimStart('/'), "Unit.GT")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(href.TrimStart('/') + "&year=2019")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("coalition/trends/plan-matrix.xlsx?plan=1999-2001")).Status);

        var builds = _portal.Server.Services.GetRequiredService<WorkbookBuilds>();
        var held = Enumerable.Range(0, builds.Limit).Select(_ => builds.TrySlot()!).ToList();
        try
        {
            using var busy = await client.GetAsync(href.TrimStart('/'));
            Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
            Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        finally
        {
            held.ForEach(slot => slot.Dispose());
        }
    }
}
