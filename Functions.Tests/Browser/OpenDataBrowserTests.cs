using System.IO.Compression;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Portal.Access;
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
        _dir.Delete(recursive: true);
    }

    private Task<IPage> ReaderAsync() => _browser.SignedInAsync(_portal, "analista@coalicion.example.org", [PortalRoles.CoalitionReader]);

    [Fact(Timeout = TestTimeout)]
    public async Task A_reader_reaches_open_data_from_a_coalition_page_and_downloads_a_whole_package_in_parquet()
    {
        var page = await ReaderAsync();
        await page.GotoAsync(new Uri(_portal.BaseAddress, "coalition/2021-Q2/progress").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Datos abiertos", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Datos abiertos", Exact = true })).ToBeVisibleAsync();
        await _checks.CheckAsync(page, "25-coalition-open-data");

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
        await _checks.CheckAsync(page, "26-coalition-open-data-390");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open data", Exact = true })).ToBeVisibleAsync();
        await _checks.CheckAsync(page, "27-coalition-open-data-english");
    }
}
