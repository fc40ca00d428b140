using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary><c>GET /api/workbook</c> through a real Kestrel on loopback, over the seeded storage of the test.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class WorkbookDownloadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TestStorage _storage = new(azurite);
    private FunctionsHttpServer _server = null!;

    /// <summary>Mid-November 2021: 2021-Q3 is the last quarter due, 2021-Q4 the one in progress.</summary>
    private static readonly DateTimeOffset November2021 = new(2021, 11, 15, 0, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync() => _server = await StartAsync(_storage, November2021);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The app over the test's storage, with the seed's plan and units and a clock at <paramref name="now"/>.</summary>
    private static Task<FunctionsHttpServer> StartAsync(TestStorage storage, DateTimeOffset now, ReportedQuarter reported = ReportedQuarter.LastDue)
    {
        var settings = storage.Settings();
        settings["Digest:Period"] = reported.ToString();
        return FunctionsHttpServer.StartAsync(settings, services =>
        {
            // The seed's plan and units replace the embedded ones, as the bench does with its synthetic plan.
            services.AddSingleton(TestPlan.Plans);
            services.AddSingleton(TestPlan.Units);
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        });
    }

    [Fact]
    public async Task Serves_the_requested_period_as_a_named_xlsx_download()
    {
        await SeedAsync(_storage);

        using var response = await _server.Client.GetAsync("api/workbook?period=2021-Q2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("consolidado-2021-Q2.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("2.º trimestre de 2021", workbook.Worksheet("Resumen").Cell(1, 1).GetString());
    }

    [Fact]
    public async Task Without_a_period_serves_the_quarter_the_calendar_names_not_the_last_one_uploaded()
    {
        await SeedAsync(_storage);
        var q4 = new ReportingPeriod(2021, 4);
        await ReportStorage.SubmitAsync(_storage, "GT", q4, November2021, [TestPlan.Row("GT", q4, TestPlan.National, 90)]);
        await using var inProgressServer = await StartAsync(_storage, November2021, ReportedQuarter.InProgress);

        using var lastDue = await _server.Client.GetAsync("api/workbook");
        using var inProgress = await inProgressServer.Client.GetAsync("api/workbook");

        Assert.Equal(HttpStatusCode.OK, lastDue.StatusCode);
        Assert.Equal("consolidado-2021-Q3.xlsx", lastDue.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(HttpStatusCode.OK, inProgress.StatusCode);
        Assert.Equal("consolidado-2021-Q4.xlsx", inProgress.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Without_a_period_when_the_calendar_is_past_the_plan_the_answer_is_a_json_not_found_saying_so()
    {
        await SeedAsync(_storage);

        await using var server = await StartAsync(_storage, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        using var response = await server.Client.GetAsync("api/workbook");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal("outside_plan", Json(json).GetProperty("error").GetString());
        Assert.Contains("2025-Q4", json);
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
