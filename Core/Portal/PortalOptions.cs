using ServerlessPlan.Core.Links;

namespace ServerlessPlan.Core.Portal;

/// <summary>The signed-in portal: its public address (mails link to it) and local sign-in. Section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Public address of the portal (<c>https://plan.coalicion.example</c>, a path prefix allowed). Empty: mails say
    /// in words how to get a file (attached, or ask the ST) instead of linking.
    /// </summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// Development sign-in: the app itself accepts <c>X-MS-CLIENT-PRINCIPAL</c> (as App Service Authentication would
    /// send it), offers a page to pick a role and answers <c>/.auth/me</c>. For local runs and tests only: refused at
    /// start when the app runs in Azure (<see cref="PortalEnvironment.RunsInAzure"/>).
    /// </summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>
    /// The coalition's workbook download answers with a redirect to a read-only link of the stored workbook, valid for
    /// <see cref="Workbooks.BlobReadLinks.Lifetime"/> and for that one blob (a user-delegation SAS in Azure), so the
    /// browser reads storage directly instead of through the app. Needs the storage account reachable from people's
    /// browsers; false streams the file through the app (docs/deploy.md, "Workbook downloads").
    /// </summary>
    public bool WorkbookRedirect { get; set; } = true;

    /// <summary>
    /// Merged workbooks the portal builds at a time on one instance (a build is seconds of CPU and up to hundreds of
    /// MiB at the largest scale); a request that would start one more is answered 429 with <c>Retry-After</c>.
    /// Requests for a workbook already being built wait for that build and take no slot.
    /// </summary>
    public int MaxWorkbookBuilds { get; set; } = 2;

    public const int MaxWorkbookBuildsLimit = 16;

    /// <summary>
    /// The Entra ID authority that signs people in to the portal, <c>https://login.microsoftonline.com/&lt;tenant-id&gt;</c>
    /// (the deployment sets it beside App Service Authentication). Set, every 401 the app answers carries a
    /// <c>WWW-Authenticate: Bearer</c> challenge naming where to get a token (<see cref="BearerChallenge"/>): that is how
    /// Power BI's and Excel's Web connector learn to sign in with an organizational account (docs/data.md). Empty (a
    /// local run with the development sign-in): the challenge names no authority.
    /// </summary>
    public string SignInAuthority { get; set; } = "";

    /// <summary>Empty, or an address links can be built on (<see cref="PortalLinks.IsUsableBaseUrl"/>).</summary>
    public static bool IsUsableBaseUrl(string? url) => PortalLinks.IsUsableBaseUrl(url);

    /// <summary>Empty, or an absolute https address with neither query nor fragment (a token is asked for under it).</summary>
    public static bool IsUsableAuthority(string? url) =>
        string.IsNullOrWhiteSpace(url) ||
        (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps &&
         string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && uri.AbsolutePath.Trim('/').Length > 0);
}
