using ClosedXML.Excel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class WorkbookDownloadTests(AzuriteFixture azurite)
{
    private static HttpRequest Get(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    /// <summary>Mid-November 2021: 2021-Q3 is the last quarter due, 2021-Q4 the one in progress.</summary>
    private static readonly DateTimeOffset November2021 = new(2021, 11, 15, 0, 0, 0, TimeSpan.Zero);

    private static WorkbookDownload Function(TestStorage storage, DateTimeOffset? now = null, ReportedQuarter reported = ReportedQuarter.LastDue) =>
        new(ReportTestPlan.Service(storage, out _, now: now ?? November2021, reported: reported), NullLogger<WorkbookDownload>.Instance);

    [Fact]
    public async Task Serves_the_requested_period_as_a_named_xlsx_download()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);

        var result = Assert.IsType<FileStreamResult>(await Function(storage).Run(Get("?period=2021-Q2"), default));

        Assert.Equal("consolidado-2021-Q2.xlsx", result.FileDownloadName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", result.ContentType);
        await using var body = result.FileStream;
        using var workbook = new XLWorkbook(body);
        Assert.Contains("2021-Q2", workbook.Worksheet("Resumen").Cell(1, 1).GetString());
    }

    [Fact]
    public async Task Without_a_period_serves_the_quarter_the_calendar_names_not_the_last_one_uploaded()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var q4 = new ReportingPeriod(2021, 4);
        await ReportTestPlan.SubmitAsync(storage, "GT", q4, November2021, [ReportTestPlan.Row("GT", q4, ReportTestPlan.National, 90)]);

        var lastDue = Assert.IsType<FileStreamResult>(await Function(storage).Run(Get(""), default));
        var inProgress = Assert.IsType<FileStreamResult>(await Function(storage, reported: ReportedQuarter.InProgress).Run(Get(""), default));

        Assert.Equal("consolidado-2021-Q3.xlsx", lastDue.FileDownloadName);
        Assert.Equal("consolidado-2021-Q4.xlsx", inProgress.FileDownloadName);
        await lastDue.FileStream.DisposeAsync();
        await inProgress.FileStream.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_period_when_the_calendar_is_past_the_plan_the_answer_is_a_json_not_found_saying_so()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);

        var result = Assert.IsType<NotFoundObjectResult>(await Function(storage, now: new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)).Run(Get(""), default));

        var json = System.Text.Json.JsonSerializer.Serialize(result.Value);
        Assert.Contains("\"error\":\"outside_plan\"", json);
        Assert.Contains("2025-Q4", json);
    }

    [Fact]
    public async Task A_malformed_period_is_a_bad_request()
    {
        var result = await Function(new TestStorage(azurite)).Run(Get("?period=2021-7"), default);

        Assert.Equal(400, Assert.IsType<BadRequestObjectResult>(result).StatusCode);
    }

    [Fact]
    public async Task No_data_is_a_json_not_found()
    {
        var storage = new TestStorage(azurite);

        var latest = Assert.IsType<NotFoundObjectResult>(await Function(storage).Run(Get(""), default));
        var period = Assert.IsType<NotFoundObjectResult>(await Function(storage).Run(Get("?period=2021-Q1"), default));

        Assert.Contains("no_data", System.Text.Json.JsonSerializer.Serialize(latest.Value));
        Assert.Contains("2021-Q1", System.Text.Json.JsonSerializer.Serialize(period.Value));
    }
}
