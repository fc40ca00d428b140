using Microsoft.Playwright;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// Issue 22 for the Presidency, the ST and the analysts, in Chromium: the reader's home is the dashboard of the
/// calendar's quarter, the board leads with who has no accepted report, a locked unit's row leads to its reopen form by
/// keyboard, someone with no role is given the ST's address; every page checked by axe at 1280 and 390 px (no serious or
/// critical violation) and never wider than the screen. The clock is 2 November 2021: 2021-Q3 is the calendar's quarter
/// (its last day to send has passed) and still takes late reports; the ST's test runs on 18 November, after it locked.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
[Collection(AzuriteCollection.Name)]
public sealed class CoalitionBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const int TestTimeout = 180_000;
    private const string SecretariatAddress = "st@coalicion.example.org";

    private PortalHost _portal = null!;
    private readonly PortalBrowser _browser = new(chromium);
    private readonly PageChecks _checks = new(chromium);

    public async Task InitializeAsync()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 11, 2, 12, 0, 0, TimeSpan.Zero));
        _portal = await PortalHost.StartAsync(azurite, time: clock, extra: new Dictionary<string, string?> { ["Contacts:SecretariatCopy"] = SecretariatAddress });
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());
        await _portal.SubmitAsync("BZ", "2021-Q3", FilledSheet.Complete("BZ", "2021-Q3").Build());
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _portal.DisposeAsync();
    }

    private string Url(string path, PortalHost? host = null) => new Uri((host ?? _portal).BaseAddress, path.TrimStart('/')).ToString();

    private Task<IPage> PageAsAsync(string name, params string[] roles) => PageOnAsync(_portal, name, roles);

    private Task<IPage> PageOnAsync(PortalHost host, string name, params string[] roles) => _browser.SignedInAsync(host, name, roles);

    [Fact(Timeout = TestTimeout)]
    public async Task A_reader_lands_on_the_quarter_s_dashboard_with_the_missing_units_first_and_the_way_to_every_coalition_page()
    {
        var page = await PageAsAsync("presidencia@coalicion.example.org", PortalRoles.CoalitionReader);

        await page.GotoAsync(Url("/"));

        var dashboard = page.Locator("[data-dashboard]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coalición: 3.er trimestre de 2021" })).ToBeVisibleAsync();
        // Who is missing comes first, by name, with Honduras (only a rejected upload) among them; then execution and its coverage.
        var first = dashboard.Locator("p").First;
        await Assertions.Expect(first).ToContainTextAsync("No informaron 7:");
        await Assertions.Expect(first).ToContainTextAsync("Honduras (solo envíos rechazados)");
        await Assertions.Expect(dashboard).ToContainTextAsync("Ejecución");
        await Assertions.Expect(dashboard).ToContainTextAsync("2 de 9 unidades; faltan");
        foreach (var (link, href) in new[]
        {
            ("Cumplimiento de cada unidad", "/coalition/2021-Q3"), ("Avance regional", "/coalition/2021-Q3/progress"),
            ("Resumen para la Presidencia", "/coalition/2021-Q3/digest"), ("Descargar el libro consolidado (.xlsx)", "/coalition/2021-Q3/workbook"),
        })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveAttributeAsync("href", href);
        }
        await _checks.CheckAt1280And390Async(page, "22-reader-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Avance regional", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("meter").First).ToBeVisibleAsync();
        await _checks.CheckAt1280And390Async(page, "22-progress");

        await page.GetByRole(AriaRole.Link, new() { Name = "Resumen para la Presidencia" }).ClickAsync();
        await _checks.CheckAt1280And390Async(page, "22-digest");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_board_leads_with_who_has_no_accepted_report_and_its_card_counts_what_the_headline_counts()
    {
        var page = await PageAsAsync("presidencia@coalicion.example.org", PortalRoles.CoalitionReader);

        await page.GotoAsync(Url("/coalition/2021-Q3"));

        var headline = page.Locator("[data-headline] p").First;
        await Assertions.Expect(headline).ToContainTextAsync("No informaron 7:");
        await Assertions.Expect(page.Locator("[data-card=missing] strong")).ToHaveTextAsync("7");
        await Assertions.Expect(page.Locator("[data-card=missing]")).ToContainTextAsync("1 con solo envíos rechazados");
        var statuses = await page.Locator("[aria-labelledby=units-caption] tbody tr > td:nth-of-type(1)").AllInnerTextsAsync();
        var withoutReport = statuses.Select(s => s.Contains("Falta", StringComparison.Ordinal) || s.Contains("Solo rechazadas", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, withoutReport.Count);
        Assert.Equal([true, true, true, true, true, true, true, false, false], withoutReport);
        await _checks.CheckAt1280And390Async(page, "22-board");

        // The period picker fits a 320 px screen (issue 22: it measured 357 px); the whole board is held to 390 px by CheckAt1280And390Async.
        await page.SetViewportSizeAsync(320, 800);
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.period-picker')].every(f => f.getBoundingClientRect().right <= document.documentElement.clientWidth)"), "The period picker is wider than a 320 px screen.");
        var picker = await page.Locator("form.period-picker").First.BoundingBoxAsync();
        Assert.True(picker!.X + picker.Width <= 320, $"The period picker ends at {picker.X + picker.Width} px.");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_ST_reaches_a_locked_unit_s_reopen_form_from_its_row_by_keyboard()
    {
        // 18 November 2021: 2021-Q3 locked on the 15th for every unit that had not reported.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 11, 18, 9, 0, 0, TimeSpan.Zero));
        await using var locked = await PortalHost.StartAsync(azurite, time: clock, extra: new Dictionary<string, string?>
        {
            ["Reports:LockGraceDays"] = "15",
        });
        var st = await PageOnAsync(locked, "Ana Pérez (ST)", PortalRoles.CoalitionAdmin, PortalRoles.CoalitionReader);
        await st.GotoAsync(Url("/coalition/2021-Q3", locked));

        var row = st.GetByRole(AriaRole.Row).Filter(new() { HasText = "Guatemala (GT)" });
        var reopen = row.GetByRole(AriaRole.Link, new() { Name = "Reabrir Guatemala" });
        await Assertions.Expect(reopen).ToBeVisibleAsync();
        await Assertions.Expect(st.Locator("#lock-GT")).Not.ToHaveAttributeAsync("open", "");
        await _checks.CheckAt1280And390Async(st, "22-board-admin");

        for (var i = 0; i < 200 && !await reopen.EvaluateAsync<bool>("a => document.activeElement === a"); i++) await st.Keyboard.PressAsync("Tab");
        Assert.True(await reopen.EvaluateAsync<bool>("a => document.activeElement === a"), "The row's Reabrir link is not reachable with Tab.");
        await st.Keyboard.PressAsync("Enter");

        await Assertions.Expect(st).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/coalition/2021-Q3\?open=GT#reopen-GT-days$"));
        await Assertions.Expect(st.Locator("#lock-GT")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(st.Locator("#reopen-GT-days")).ToBeInViewportAsync();
        await _checks.CheckAt1280And390Async(st, "22-board-admin-reopen-open");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Someone_signed_in_without_a_role_is_given_the_ST_s_address()
    {
        var page = await PageAsAsync("nadie@ministerio.example.org", "authenticated");

        await page.GotoAsync(Url("/"));

        await Assertions.Expect(page.Locator("[data-secretariat]")).ToContainTextAsync($"Escriba a la Secretaría Técnica: {SecretariatAddress}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = SecretariatAddress })).ToHaveAttributeAsync("href", $"mailto:{SecretariatAddress}");
        await _checks.CheckAt1280And390Async(page, "22-no-role");
    }
}
