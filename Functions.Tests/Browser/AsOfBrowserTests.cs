using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// Issue 22's as-of download in Chromium: the GOV.UK date-input form on the coalition's clock, used with the keyboard
/// only; each kind of problem (a part missing, a day the month lacks, an instant still to come, an instant before the
/// quarter's first accepted report) answered on the same form with the error summary first, its link to the field and
/// the values typed kept; axe at 1280 and 390 px. GT's sheet arrives on 10 October 2021 at 15:00:30 UTC (09:00:30 in
/// Guatemala: the record's first whole minute is 09:01), HN's and BZ's on the 20th; the clock then reads 2 November 2021, 12:00 UTC.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
[Collection(AzuriteCollection.Name)]
public sealed class AsOfBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const int TestTimeout = 180_000;

    private PortalHost _portal = null!;
    private readonly PortalBrowser _browser = new(chromium);
    private readonly PageChecks _checks = new(chromium);

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 10, 10, 15, 0, 30, TimeSpan.Zero));
        _portal = await PortalHost.StartAsync(azurite, time: clock, arrivalsOnClock: true);
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        clock.SetUtcNow(new DateTimeOffset(2021, 10, 20, 15, 0, 0, TimeSpan.Zero));
        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Build());
        await _portal.SubmitAsync("BZ", "2021-Q3", FilledSheet.Complete("BZ", "2021-Q3").Build());
        clock.SetUtcNow(new DateTimeOffset(2021, 11, 2, 12, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _portal.DisposeAsync();
    }

    private string Url(string path) => new Uri(_portal.BaseAddress, path.TrimStart('/')).ToString();

    private Task<IPage> ReaderAsync() => _browser.SignedInAsync(_portal, "analista@coalicion.example.org", [PortalRoles.CoalitionReader]);

    private static Task<bool> HasFocusAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => document.activeElement === e");

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 100 times): it is reachable by keyboard.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 100 && !await HasFocusAsync(target); i++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await HasFocusAsync(target), $"{target} is not reachable with Tab.");
    }

    /// <summary>Types the fields in the form's order, with Tab between them, as a person with a keyboard does.</summary>
    private static async Task TypeAsync(IPage page, params string[] values)
    {
        await TabToAsync(page, page.Locator("#asof-day"));
        for (var i = 0; i < values.Length; i++)
        {
            await page.Keyboard.PressAsync("Control+A");
            if (values[i].Length > 0) await page.Keyboard.TypeAsync(values[i]); else await page.Keyboard.PressAsync("Delete");
            if (i < values.Length - 1) await page.Keyboard.PressAsync("Tab");
        }
    }

    /// <summary>The form came back with one problem: "Error:" in the title, the summary first in main and focused, its link to the field, the field's own message.</summary>
    private static async Task ExpectProblemAsync(IPage page, string field, string message)
    {
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: Libro consolidado de una fecha pasada"));
        var summary = page.Locator("main > .error-summary");
        Assert.True(await summary.EvaluateAsync<bool>("s => s === s.parentElement.firstElementChild"), "The error summary is not the first thing in main.");
        Assert.True(await HasFocusAsync(summary), "The error summary does not have the focus.");
        var link = summary.GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(link).ToHaveTextAsync(message);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"#{field}");
        await Assertions.Expect(page.Locator($"#{field}")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator($"fieldset:has(#{field}) .error-message")).ToContainTextAsync(message);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_reader_uses_the_as_of_form_by_keyboard_alone_from_a_problem_to_the_download()
    {
        var page = await ReaderAsync();
        await page.GotoAsync(Url("/coalition/2021-Q3"));

        // From the board, the navigation leads to the form.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Libro consolidado de una fecha pasada" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(Url("/coalition/2021-Q3/as-of"));
        await Assertions.Expect(page.Locator("form[data-as-of]")).ToContainTextAsync("hora de Guatemala, UTC−6");
        await _checks.CheckAt1280And390Async(page, "22-as-of");

        // 31 February: the form comes back with the problem, the values kept.
        await TypeAsync(page, "31", "2", "2021", "", "");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Descargar el libro de esa fecha (.xlsx)" }));
        await page.Keyboard.PressAsync("Enter");
        await ExpectProblemAsync(page, "asof-day", "El día 31 no existe en febrero de 2021, que tiene 28 días: escriba una fecha real, p. ej. 28 2 2021.");
        await Assertions.Expect(page.Locator("#asof-day")).ToHaveValueAsync("31");
        await Assertions.Expect(page.Locator("#asof-month")).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("#asof-year")).ToHaveValueAsync("2021");
        await _checks.CheckAt1280And390Async(page, "22-as-of-error");

        // The summary's link takes the focus to the field; corrected there, Enter sends the form and the workbook downloads.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await HasFocusAsync(page.Locator("main > .error-summary a")), "Tab from the summary does not reach its link.");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await HasFocusAsync(page.Locator("#asof-day")), "The summary's link does not take the focus to the day.");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("15");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("10");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        // The end of 15 October 2021 in Guatemala (UTC−6) is 06:00 UTC on the 16th.
        Assert.Equal("consolidado-2021-Q3-al-20211016T0600Z.xlsx", download.SuggestedFilename);
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("missing", new[] { "15", "", "2021", "", "" }, "asof-month", "La fecha debe incluir el mes: escríbalo en números, p. ej. 15 11 2021.")]
    [InlineData("impossible", new[] { "31", "9", "2021", "", "" }, "asof-day", "El día 31 no existe en septiembre de 2021, que tiene 30 días: escriba una fecha real, p. ej. 30 9 2021.")]
    [InlineData("future", new[] { "2", "11", "2021", "10", "30" }, "asof-day", "El 2 de noviembre de 2021, 10:30 (hora de Guatemala, UTC−6) todavía no ha llegado: escriba una fecha y hora pasadas; ahora es el 2 de noviembre de 2021, 06:00 (hora de Guatemala, UTC−6).")]
    [InlineData("before-start", new[] { "10", "10", "2021", "9", "0" }, "asof-day", "El libro consolidado de este trimestre empieza el 10 de octubre de 2021, 09:01 (hora de Guatemala, UTC−6), cuando se aceptó su primer informe: escriba esa fecha y hora o una posterior.")]
    [InlineData("minute-without-hour", new[] { "10", "10", "2021", "", "30" }, "asof-hour", "Escriba también la hora (de 0 a 23), o deje vacíos la hora y los minutos.")]
    public async Task Each_kind_of_problem_is_answered_on_the_same_form(string kind, string[] typed, string field, string message)
    {
        var page = await ReaderAsync();
        await page.GotoAsync(Url("/coalition/2021-Q3/as-of"));

        await TypeAsync(page, typed);
        await page.Keyboard.PressAsync("Enter");

        await ExpectProblemAsync(page, field, message);
        string[] ids = ["asof-day", "asof-month", "asof-year", "asof-hour", "asof-minute"];
        for (var i = 0; i < ids.Length; i++) await Assertions.Expect(page.Locator($"#{ids[i]}")).ToHaveValueAsync(typed[i]);
        await _checks.CheckAt1280And390Async(page, $"22-as-of-{kind}");
    }
}
