using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// The coalition's pages (the reader's home, the ST's board with its reopen forms, progress, digest, the board in English) kept
/// as full-page screenshots at 1280 and 390 px, named <c>coalition-{page}-{width}.png</c>: the pictures a person compares
/// by eye before and after a change of markup (issue 21's conversion to components).
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
[Collection(AzuriteCollection.Name)]
public sealed class CoalitionScreenshots(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly int[] Widths = [1280, 390];

    [Fact(Timeout = 240_000)]
    public async Task The_coalition_pages_are_kept_as_screenshots_at_1280_and_390_px()
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
            ("home", "/"), ("board", "/coalition/2021-Q3"), ("progress", "/coalition/2021-Q3/progress"),
            ("digest", "/coalition/2021-Q3/digest"), ("board-en", "/coalition/2021-Q3?lang=en"),
        ];
        foreach (var (name, path) in pages)
        {
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                var response = await page.GotoAsync(new Uri(portal.BaseAddress, path.TrimStart('/')).ToString());
                Assert.True(response!.Ok, $"{path}: HTTP {response.Status}");
                await checks.ScreenshotAsync(page, $"coalition-{name}-{width}");
            }
        }
    }
}
