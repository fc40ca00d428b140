using System.IO.Compression;
using AngleSharp.Html.Parser;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Tests.Integration.Portal;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// <i>Datos abiertos</i> in a real browser: a reader reaches it from a coalition page, reads the schema version and the
/// API's links (the DOM Chromium built, read with AngleSharp), picks a format and downloads the zip, which holds a whole
/// package that keeps its <c>datapackage.json</c>; axe-core at 1280 and 390 px and in English.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
[Collection(AzuriteCollection.Name)]
public sealed class OpenDataBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const int TestTimeout = 180_000;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("open-data-browser");
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
        _dir.Delete(recursive: true);
    }

    private async Task<IPage> ReaderAsync()
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "es-ES",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        await _context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = PortalRequests.DevelopmentCookie,
                Value = ClientPrincipal.For("analista@coalicion.example.org", [PortalRoles.CoalitionReader]).Encode(),
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
    public async Task A_reader_reaches_open_data_from_a_coalition_page_and_downloads_a_whole_package_in_parquet()
    {
        var page = await ReaderAsync();
        await page.GotoAsync(new Uri(_portal.BaseAddress, "coalition/2021-Q2/progress").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Datos abiertos", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Datos abiertos", Exact = true })).ToBeVisibleAsync();
        await CheckAsync(page, "25-coalition-open-data");

        using (var document = new HtmlParser().ParseDocument(await page.ContentAsync()))
        {
            Assert.Equal(OpenDataSchema.Version, document.QuerySelector("#schema-version")?.TextContent);
            var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Contains("/api/v1/datapackage", links);
            Assert.Contains("/api/v1/openapi.json", links);
            Assert.Contains(links, l => l.StartsWith("/api/v1/datasets/progress?", StringComparison.Ordinal));
            var periods = document.QuerySelectorAll("select#period option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Equal("all", periods[0]);
            Assert.Contains("2021-Q2", periods);
        }

        await page.GetByLabel("Parquet").CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Descargar el paquete (.zip)" }).ClickAsync());
        Assert.Equal("datos-all-parquet.zip", download.SuggestedFilename);
        var zip = Path.Combine(_dir.FullName, download.SuggestedFilename);
        await download.SaveAsAsync(zip);
        var unzipped = Path.Combine(_dir.FullName, "package");
        ZipFile.ExtractToDirectory(zip, unzipped);
        Assert.Equal(OpenDataSchema.Tables.Select(t => t.Name + ".parquet").Append("datapackage.json").Order(StringComparer.Ordinal),
            Directory.GetFiles(unzipped).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var tables = await DataPackageCheck.ReadAsync(unzipped);
        Assert.Empty(DataPackageCheck.Problems(tables));
        Assert.Contains(tables["progress"].Records, r => r["period"] == "2021-Q2" && r["submission_id"] is not null);

        await page.SetViewportSizeAsync(390, 844);
        await CheckAsync(page, "26-coalition-open-data-390");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open data", Exact = true })).ToBeVisibleAsync();
        await CheckAsync(page, "27-coalition-open-data-english");
    }
}
