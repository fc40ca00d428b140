using Microsoft.Playwright;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// A focal point's pages in a real browser at 1280 and 390 px, in Spanish and English: the unit's quarters with its
/// history, a quarter with a registered report, a refused sheet's verdict and a locked quarter. axe-core on each (no
/// serious or critical violation); screenshots kept with the test results (compared by eye when the pages' markup moves).
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
[Collection(AzuriteCollection.Name)]
public sealed class FocalPagesBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const int TestTimeout = 180_000;

    private PortalHost _portal = null!;
    private readonly PortalBrowser _browser = new(chromium);
    private readonly PageChecks _checks = new(chromium);
    private readonly string _work = Directory.CreateTempSubdirectory("focal-browser-").FullName;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite);

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _portal.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private static string Url(PortalHost host, string path) => new Uri(host.BaseAddress, path.TrimStart('/')).ToString();

    private Task<IPage> FocalPointAsync(PortalHost host, string unit, string locale = PortalBrowser.Spanish) =>
        _browser.SignedInAsync(host, $"punto.focal@{unit.ToLowerInvariant()}.example.org", [PortalRoles.Unit(unit)], locale);

    /// <summary>Screenshots and axe at 1280 and 390 px; the page read with a real parser.</summary>
    private async Task<AngleSharp.Dom.IDocument> CheckAtBothWidthsAsync(IPage page, string name)
    {
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await _checks.ScreenshotAsync(page, $"focal-{name}-{width}");
            await PageChecks.AssertAccessibleAsync(page, $"{name} at {width} px");
            // No page scrolls sideways: a wide table scrolls inside its own box, and nothing escapes the box.
            var wide = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(wide <= width, $"{name} is {wide} px wide at a {width} px viewport.");
            // What to do about each finding is read whole on the screen: on a phone it spans the column, not a sliver
            // at the edge of a table that scrolls.
            var instructions = await page.EvaluateAsync<double[][]>(
                "Array.from(document.querySelectorAll('td.finding-what')).map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.width]; })");
            foreach (var box in instructions)
            {
                Assert.True(box[0] >= 0 && box[1] <= width, $"{name} at {width} px: a finding's instruction spans {box[0]}–{box[1]} px.");
                if (width < 640) Assert.True(box[2] >= width - 48, $"{name} at {width} px: a finding's instruction is {box[2]} px wide.");
            }
        }
        await page.SetViewportSizeAsync(1280, 900);
        return PortalPages.Parse(await page.ContentAsync());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_focal_point_s_quarters_registered_report_and_refused_sheet_read_at_both_widths_in_both_languages()
    {
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build(), "informe GT tercer trimestre.xlsx");
        var gt = await FocalPointAsync(_portal, "GT");

        await gt.GotoAsync(Url(_portal, "/units/GT"));
        var quarters = await CheckAtBothWidthsAsync(gt, "quarters");
        Assert.Equal("Sus informes trimestrales", PortalPages.Text(quarters.QuerySelector("h1")));

        await gt.GotoAsync(Url(_portal, "/units/GT/2021-Q3"));
        var quarter = await CheckAtBothWidthsAsync(gt, "quarter-registered");
        Assert.Equal("Vigente", Assert.Single(PortalPages.History(quarter)).Result);
        Wording.AssertReadsWell(quarter, Core.Localization.Language.Es, "3.er trimestre de 2021");

        var refused = Path.Combine(_work, "informe GT con errores.xlsx");
        await File.WriteAllBytesAsync(refused, FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Ejecutado("1.1.1.3", 130).Build());
        await gt.SetInputFilesAsync("#sheet", refused);
        await gt.GetByRole(AriaRole.Button, new() { Name = "Comprobar y enviar" }).ClickAsync();
        await Assertions.Expect(gt.Locator(".error-summary")).ToBeVisibleAsync();
        var verdict = await CheckAtBothWidthsAsync(gt, "quarter-refused");
        Assert.NotEmpty(verdict.QuerySelectorAll("#issue-2"));

        var bz = await FocalPointAsync(_portal, "BZ", "en-GB");
        await bz.GotoAsync(Url(_portal, "/units/BZ/2021-Q3"));
        var english = await CheckAtBothWidthsAsync(bz, "quarter-english");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Wording.AssertReadsWell(english, Core.Localization.Language.En, "3rd quarter of 2021");
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_history_s_sent_names_link_to_verdict_pages_that_read_at_both_widths_including_one_from_before_sent_names()
    {
        // An upload kept before the sent name was recorded: the stored name only.
        var legacy = await _portal.SettledAsync(
            await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Build(), "20211019-090343-GT-Q3-corregido.xlsx"));
        var table = new Azure.Data.Tables.TableClient(_portal.Storage.ConnectionString, _portal.Storage.Layout.SubmissionsTable);
        var old = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(legacy.PartitionKey, legacy.RowKey)).Value;
        old.Remove("SentName");
        await table.UpdateEntityAsync(old, old.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        var gt = await FocalPointAsync(_portal, "GT");
        await gt.GotoAsync(Url(_portal, "/units/GT/2021-Q3"));
        foreach (var (name, sheet, answer) in new[]
        {
            ("Informe GT (con errores).xlsx", FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Ejecutado("1.1.1.3", 130).Build(), ".error-summary"),
            ("Informe GT tercer trimestre.xlsx", FilledSheet.Complete("GT", "2021-Q3").Build(), "#verdict .notification"),
        })
        {
            var file = Path.Combine(_work, name);
            await File.WriteAllBytesAsync(file, sheet);
            await gt.SetInputFilesAsync("#sheet", file);
            await gt.Locator("form[data-upload] button[type=submit]").ClickAsync();
            await gt.Locator(answer).First.WaitForAsync();
        }
        await _portal.OutcomeAsync("GT", "2021-Q3", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_work, "Informe GT tercer trimestre.xlsx")))));

        await gt.GotoAsync(Url(_portal, "/units/GT/2021-Q3"));
        var quarter = await CheckAtBothWidthsAsync(gt, "quarter-history-sent-names");
        Assert.Equal(["Informe GT tercer trimestre.xlsx", "20211019-090343-GT-Q3-corregido.xlsx (nombre con que se guardó: el nombre enviado no se registraba entonces)"],
            PortalPages.History(quarter).Select(h => h.File));
        Assert.StartsWith("Último día para enviar: 30 de octubre de 2021 inclusive (hora de Guatemala, UTC−6).", PortalPages.Text(quarter.QuerySelector("[data-dates]")), StringComparison.Ordinal);
        var names = quarter.QuerySelectorAll("main table a").Select(PortalPages.Text).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());

        // The refused sheet's page, reached from its row by keyboard alone.
        var refusedLink = gt.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ver el resultado de «Informe GT \\(con errores\\)\\.xlsx»") });
        await refusedLink.FocusAsync();
        await gt.Keyboard.PressAsync("Enter");
        await gt.WaitForURLAsync("**/checks/**/verdict");
        var refused = await CheckAtBothWidthsAsync(gt, "verdict-refused");
        Assert.Equal("Resultado de «Informe GT (con errores).xlsx»", PortalPages.Text(refused.QuerySelector("h1")));
        Assert.StartsWith("2 errores", PortalPages.Text(refused.QuerySelector("[data-counts]")), StringComparison.Ordinal);
        Assert.NotNull(refused.GetElementById("issue-2"));

        await gt.GotoAsync(Url(_portal, $"/units/GT/2021-Q3/submissions/{legacy.RowKey}/verdict"));
        var older = await CheckAtBothWidthsAsync(gt, "verdict-before-sent-names");
        Assert.Contains("no se registraba entonces", PortalPages.Text(older.QuerySelector("[data-sent-name]")), StringComparison.Ordinal);
        Wording.AssertReadsWell(older, Core.Localization.Language.Es, "3.er trimestre de 2021");

        var bz = await FocalPointAsync(_portal, "BZ", "en-GB");
        await _portal.SubmitAsync("BZ", "2021-Q3", FilledSheet.Complete("BZ", "2021-Q3").Build(), "Belize report.xlsx");
        await bz.GotoAsync(Url(_portal, "/units/BZ/2021-Q3"));
        await bz.GetByRole(AriaRole.Link, new() { Name = "Belize report.xlsx", Exact = true }).ClickAsync();
        var english = await CheckAtBothWidthsAsync(bz, "verdict-english");
        Assert.Equal("Result of \"Belize report.xlsx\"", PortalPages.Text(english.QuerySelector("h1")));
        Wording.AssertReadsWell(english, Core.Localization.Language.En, "3rd quarter of 2021");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_locked_quarter_reads_at_both_widths()
    {
        // Quarters that lock (2021-Q3 locked on 15 November 2021), three days after the lock.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 11, 18, 9, 0, 0, TimeSpan.Zero));
        await using var locked = await PortalHost.StartAsync(azurite, time: clock, extra: new Dictionary<string, string?>
        {
            ["Reports:LockGraceDays"] = "15",
            ["Contacts:SecretariatCopy"] = "st@coalicion.example.org",
        });
        var gt = await FocalPointAsync(locked, "GT");
        await gt.GotoAsync(Url(locked, "/units/GT"));
        await CheckAtBothWidthsAsync(gt, "quarters-locked");
        await gt.GotoAsync(Url(locked, "/units/GT/2021-Q3"));
        var quarter = await CheckAtBothWidthsAsync(gt, "quarter-locked");
        Assert.Empty(quarter.QuerySelectorAll("#sheet"));
        // The state is said once ("Cerrado desde el …", never "Cerrado Cerrado desde…"), and whom to ask for a reopening once.
        var text = Wording.AssertReadsWell(quarter, Core.Localization.Language.Es, "3.er trimestre de 2021");
        Assert.DoesNotContain("Cerrado Cerrado", text, StringComparison.Ordinal);
        Assert.Contains("Cerrado desde el 15 de noviembre de 2021", text, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(text, "pida una reapertura"));
    }
}
