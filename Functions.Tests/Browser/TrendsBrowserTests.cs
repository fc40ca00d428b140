using Microsoft.Playwright;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Integration.Portal;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// The trends page in a real browser: a reader reaches it from the progress page, picks a range with the form, and
/// reads charts whose numbers are their tables' (the DOM Chromium built, read with AngleSharp); axe-core on it at
/// 1280 and 390 px and in English; screenshots kept with the test results.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class TrendsBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const int TestTimeout = 180_000;

    private PortalHost _portal = null!;
    private readonly PortalBrowser _browser = new(chromium);
    private readonly PageChecks _checks = new(chromium);

    public async Task InitializeAsync()
    {
        _portal = await PortalHost.StartAsync(azurite, blobEvents: false);
        await PortalTrendsTests.SeedAsync(_portal);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _portal.DisposeAsync();
    }

    private Task<IPage> ReaderAsync() => SignedInAsync("presidencia@coalicion.example.org", PortalRoles.CoalitionReader);

    private Task<IPage> SignedInAsync(string name, string role) => _browser.SignedInAsync(_portal, name, [role]);

    [Fact(Timeout = TestTimeout)]
    public async Task A_reader_reaches_the_trends_from_the_progress_page_picks_a_range_and_reads_charts_that_match_their_tables()
    {
        var page = await ReaderAsync();
        await page.GotoAsync(new Uri(_portal.BaseAddress, "coalition/2021-Q3/progress").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Tendencias", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tendencias del plan 2020-2022" })).ToBeVisibleAsync();

        await page.GetByLabel("Desde").SelectOptionAsync("2021-Q1");
        await page.GetByLabel("Hasta").SelectOptionAsync("2021-Q3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Del 1.er trimestre de 2021 al 3.er trimestre de 2021, ambos incluidos", new() { Exact = false })).ToBeVisibleAsync();
        var overall = page.GetByRole(AriaRole.Img, new() { Name = "Ejecución: Total del plan" });
        await Assertions.Expect(overall).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Tasa de informe por trimestre" })).ToBeVisibleAsync();
        await _checks.CheckAsync(page, "20-coalition-trends");

        var reading = TrendPageReading.Parse(await page.ContentAsync());
        Assert.NotEmpty(reading.Charts);
        foreach (var chart in reading.Charts)
        {
            Assert.Equal(3, chart.InTable.Count);
            Assert.Equal(chart.InTable, chart.InChart);
        }

        await page.SetViewportSizeAsync(390, 844);
        await _checks.CheckAsync(page, "21-coalition-trends-390");
        // The chart scales with the column: it never makes the page scroll sideways.
        var box = await overall.BoundingBoxAsync();
        Assert.True(box!.Width <= 390, $"The chart is {box.Width} px wide on a 390 px screen.");

        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trends of the 2020-2022 plan" })).ToBeVisibleAsync();
        await _checks.CheckAsync(page, "22-coalition-trends-english");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_focal_point_sees_the_units_own_history_beside_its_quarters()
    {
        var page = await SignedInAsync("punto.focal@gt.example.org", "Unit.GT");
        await page.GotoAsync(new Uri(_portal.BaseAddress, "units/GT").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Su historia" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Ejecución de Guatemala por trimestre" })).ToBeVisibleAsync();
        await _checks.CheckAsync(page, "23-unit-history");

        var reading = TrendPageReading.Parse(await page.ContentAsync());
        var history = Assert.Single(reading.Charts);
        Assert.Equal(history.InTable, history.InChart);
        // The calendar's quarter is 2021-Q2: GT reported 2021-Q1 and 2021-Q2.
        Assert.NotEqual("—", history.InTable["2021-Q1"]);
        Assert.NotEqual("—", history.InTable["2021-Q2"]);

        await page.SetViewportSizeAsync(390, 844);
        await _checks.CheckAsync(page, "24-unit-history-390");
    }
}
