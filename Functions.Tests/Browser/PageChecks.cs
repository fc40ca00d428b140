using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// What the browser tests hold every page they reach to: a full-page screenshot kept in
/// <see cref="ChromiumFixture.Screenshots"/> under the name the test gives (people compare those files by eye before and
/// after a change of markup, so the names are the tests'), and no serious or critical axe-core violation, a failure
/// naming each rule and where it failed. It exists because every browser test class wrote the same lines again; a class
/// whose check differs (other sizes, another measure of width) builds its own from <see cref="ScreenshotAsync"/> and
/// <see cref="AssertAccessibleAsync"/>.
/// </summary>
public sealed class PageChecks(ChromiumFixture chromium)
{
    /// <summary>Keeps a full-page screenshot of the page as it is now, as <c>{name}.png</c>.</summary>
    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(chromium.Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>Fails on any serious or critical accessibility violation; the message starts with <paramref name="label"/> and the page's address.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string label)
    {
        // The digest's frame is the e-mail as sent (sandboxed: no script runs there, so axe cannot enter it); the portal's
        // own pages have no other frame.
        var results = await page.RunAxe(new AxeRunOptions { Iframes = false });
        var grave = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(grave.Count == 0, $"{label} ({page.Url}): " + string.Join("; ", grave.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>Keeps a full-page screenshot as <c>{name}.png</c> and fails on any serious or critical accessibility violation.</summary>
    public async Task CheckAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await AssertAccessibleAsync(page, name);
    }

    /// <summary>
    /// At 1280 and at 390 px (900 px high): a screenshot kept as <c>{name}-{width}.png</c>, no serious or critical axe
    /// violation, and nothing wider than the screen; the page is left at 1280×900.
    /// </summary>
    public async Task CheckAt1280And390Async(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await ScreenshotAsync(page, $"{name}-{width}");
            await AssertAccessibleAsync(page, $"{name} at {width} px");
            var wider = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(wider <= 0, $"{name} at {width} px is {wider} px wider than the screen.");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
