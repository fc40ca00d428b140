using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary><c>GET /api/workbook</c> through a real Kestrel on loopback, over the seeded storage of the test.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkbookDownloadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TestStorage _storage = new(azurite);
    private FunctionsHttpServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await FunctionsHttpServer.StartAsync(_storage.Settings(), services =>
        {
            // The seed's plan and units replace the embedded ones, as the bench does with its synthetic plan.
            services.AddSingleton(ReportTestPlan.Catalog);
            services.AddSingleton(ReportTestPlan.Units);
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Serves_the_requested_period_as_a_named_xlsx_download()
    {
        await SeedAsync(_storage);

        using var response = await _server.Client.GetAsync("api/workbook?period=2021-Q2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("consolidado-2021-Q2.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("2021-Q2", workbook.Worksheet("Resumen").Cell(1, 1).GetString());
    }

    [Fact]
    public async Task Without_a_period_serves_the_latest_period_with_data()
    {
        await SeedAsync(_storage);

        using var response = await _server.Client.GetAsync("api/workbook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("consolidado-2021-Q3.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task A_malformed_period_is_a_bad_request()
    {
        using var response = await _server.Client.GetAsync("api/workbook?period=2021-7");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_period", Json(await response.Content.ReadAsStringAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task No_data_is_a_json_not_found()
    {
        using var latest = await _server.Client.GetAsync("api/workbook");
        using var period = await _server.Client.GetAsync("api/workbook?period=2021-Q1");

        Assert.Equal(HttpStatusCode.NotFound, latest.StatusCode);
        Assert.Equal("no_data", Json(await latest.Content.ReadAsStringAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, period.StatusCode);
        Assert.Equal("2021-Q1", Json(await period.Content.ReadAsStringAsync()).GetProperty("period").GetString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
