using ClosedXML.Excel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
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

    private static WorkbookDownload Function(TestStorage storage) =>
        new(ReportTestPlan.Service(storage, out _), NullLogger<WorkbookDownload>.Instance);

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
    public async Task Without_a_period_serves_the_latest_period_with_data()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);

        var result = Assert.IsType<FileStreamResult>(await Function(storage).Run(Get(""), default));

        Assert.Equal("consolidado-2021-Q3.xlsx", result.FileDownloadName);
        await result.FileStream.DisposeAsync();
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
