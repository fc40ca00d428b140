using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// Issue 22, layout: no page of the portal is wider than the screen of a small phone. Every page a reader or the ST
/// reaches — the reader's home, the board, progress, trends, a unit's quarter, open data, operations, the digest and
/// the as-of form — walked at 320 and 390 px: the document's scroll width stays within the viewport, and a failure
/// names the elements that stick out. Screenshots kept as <c>narrow-{page}-{width}.png</c>.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
[Collection(AzuriteCollection.Name)]
public sealed class NarrowScreenBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>The elements whose right edge passes the viewport's, outermost first (a few, for the failure's message).</summary>
    private const string Overflowing = """
        () => {
          const width = document.documentElement.clientWidth;
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          return [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 0.5))
            .slice(0, 5).map(e => name(e) + ' ends at ' + Math.round(e.getBoundingClientRect().right));
        }
        """;

    [Fact(Timeout = 300_000)]
    public async Task Every_page_fits_a_320_and_a_390_px_screen()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 11, 18, 9, 0, 0, TimeSpan.Zero));
        await using var portal = await PortalHost.StartAsync(azurite, time: clock, extra: new Dictionary<string, string?> { ["Reports:LockGraceDays"] = "15" });
        await portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        await portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());
        await portal.SubmitAsync("BZ", "2021-Q3", FilledSheet.Complete("BZ", "2021-Q3").Build());

        await using var browser = new PortalBrowser(chromium);
        var page = await browser.SignedInAsync(portal, "Ana Pérez (ST)", [PortalRoles.CoalitionAdmin, PortalRoles.CoalitionReader]);
        var checks = new PageChecks(chromium);
        (string Name, string Path)[] pages =
        [
            ("home", "/"), ("board", "/coalition/2021-Q3"), ("progress", "/coalition/2021-Q3/progress"), ("trends", "/coalition/trends"),
            ("quarter", "/units/HN/2021-Q3"), ("open-data", "/coalition/data"), ("operations", "/coalition/operations"),
            ("digest", "/coalition/2021-Q3/digest"), ("as-of", "/coalition/2021-Q3/as-of"), ("board-en", "/coalition/2021-Q3?lang=en"),
        ];

        var wide = new List<string>();
        foreach (var width in new[] { 320, 390 })
        {
            await page.SetViewportSizeAsync(width, 800);
            foreach (var (name, path) in pages)
            {
                var response = await page.GotoAsync(new Uri(portal.BaseAddress, path.TrimStart('/')).ToString());
                Assert.True(response!.Ok, $"{path}: HTTP {response.Status}");
                await checks.ScreenshotAsync(page, $"narrow-{name}-{width}");
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                var viewport = await page.EvaluateAsync<int>("window.innerWidth");
                if (scrollWidth > viewport || scrollWidth > width)
                    wide.Add($"{path} at {width} px is {scrollWidth} px wide: {string.Join("; ", await page.EvaluateAsync<string[]>(Overflowing))}");
            }
        }
        Assert.True(wide.Count == 0, string.Join(Environment.NewLine, wide));
    }
}
