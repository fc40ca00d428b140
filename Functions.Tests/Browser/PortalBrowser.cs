using Microsoft.Playwright;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// The pages a browser test opens on a <see cref="PortalHost"/>, each in a Chromium context of its own (its own
/// cookies: two people side by side never share a sign-in), at the desktop size (1280×900) until the test resizes it,
/// with every Playwright step given 30 s before it fails and downloads kept for the test to read. A signed-in page carries
/// the development sign-in's cookie, the principal App Service Authentication would send (a header set by the test would
/// not go with the browser's own download requests). Disposing it closes every context it opened.
/// It exists because every browser test class wrote these lines again; what differs between them (who signs in, with
/// which roles, the browser's language) is a parameter.
/// </summary>
public sealed class PortalBrowser(ChromiumFixture chromium) : IAsyncDisposable
{
    /// <summary>The browser's language unless a test says otherwise: the portal is Spanish first.</summary>
    public const string Spanish = "es-ES";

    /// <summary>How long a Playwright step (a click, a navigation, a wait) may take before its test fails.</summary>
    private const float StepTimeout = 30_000;

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A page signed in to <paramref name="host"/> as <paramref name="name"/> with <paramref name="roles"/>.</summary>
    /// <param name="locale">The browser's language (<c>Accept-Language</c>), e.g. <c>en-GB</c> for an English reader.</param>
    public async Task<IPage> SignedInAsync(PortalHost host, string name, IReadOnlyCollection<string> roles, string locale = Spanish)
    {
        var context = await NewContextAsync(locale);
        await context.AddCookiesAsync(
        [
            new Cookie { Name = PortalRequests.DevelopmentCookie, Value = ClientPrincipal.For(name, [.. roles]).Encode(), Url = host.BaseAddress.ToString() },
        ]);
        return await NewPageAsync(context);
    }

    /// <summary>A page signed in to nothing: what someone who has not signed in sees.</summary>
    public async Task<IPage> SignedOutAsync(string locale = Spanish) => await NewPageAsync(await NewContextAsync(locale));

    private async Task<IBrowserContext> NewContextAsync(string locale)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            // Playwright's own default too, said here because the download tests rely on it.
            AcceptDownloads = true,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _contexts.Add(context);
        return context;
    }

    private static async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(StepTimeout);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        _contexts.Clear();
    }
}
