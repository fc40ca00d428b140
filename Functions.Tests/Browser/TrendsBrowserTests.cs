using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Functions.Http;
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
    private IBrowserContext? _context;

    public async Task InitializeAsync()
    {
        _portal = await PortalHost.StartAsync(azurite, blobEvents: false);
        await PortalTrendsTests.SeedAsync(_portal);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
        await _portal.DisposeAsync();
    }

    private Task<IPage> ReaderAsync() => SignedInAsync("presidencia@coalicion.example.org", PortalRoles.CoalitionReader);

    private async Task<IPage> SignedInAsync(string name, string role)
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "es-ES",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await _context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = PortalRequests.DevelopmentCookie,
                Value = ClientPrincipal.For(name, [role]).Encode(),
                Url = _portal.BaseAddress.ToString(),
            },
        ]);
        var page = await _context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    private async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(chromium.Screenshots, $"{name}.png"), FullPage = true });
        var results = await page.RunAxe(new AxeRunOptions { Iframes = false });
        var grave = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(grave.Count == 0, $"{name} ({page.Url}): " + string.Join("; ", grave.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

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
        await CheckAsync(page, "20-coalition-trends");

        var reading = TrendPageReading.Parse(await page.ContentAsync());
        Assert.NotEmpty(reading.Charts);
        foreach (var chart in reading.Charts)
        {
            Assert.Equal(3, chart.InTable.Count);
            Assert.Equal(chart.InTable, chart.InChart);
        }

        await page.SetViewportSizeAsync(390, 844);
        await CheckAsync(page, "21-coalition-trends-390");
        // The chart scales with the column: it never makes the page scroll sideways.
        var box = await overall.BoundingBoxAsync();
        Assert.True(box!.Width <= 390, $"The chart is {box.Width} px wide on a 390 px screen.");

        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trends of the 2020-2022 plan" })).ToBeVisibleAsync();
        await CheckAsync(page, "22-coalition-trends-english");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_focal_point_sees_the_units_own_history_beside_its_quarters()
    {
        var page = await SignedInAsync("punto.focal@gt.example.org", "Unit.GT");
        await page.GotoAsync(new Uri(_portal.BaseAddress, "units/GT").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Su historia" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Ejecución de Guatemala por trimestre" })).ToBeVisibleAsync();
        await CheckAsync(page, "23-unit-history");

        var reading = TrendPageReading.Parse(await page.ContentAsync());
        var history = Assert.Single(reading.Charts);
        Assert.Equal(history.InTable, history.InChart);
        // The calendar's quarter is 2021-Q2: GT reported 2021-Q1 and 2021-Q2.
        Assert.NotEqual("—", history.InTable["2021-Q1"]);
        Assert.NotEqual("—", history.InTable["2021-Q2"]);

        await page.SetViewportSizeAsync(390, 844);
        await CheckAsync(page, "24-unit-history-390");
    }
}
