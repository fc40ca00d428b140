using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;

namespace ServerlessPlan.Core.Portal;

/// <summary>
/// The one place that builds the portal's public URLs (routes are a contract with the portal): a unit's quarter
/// (<c>/units/{unit}/{period}</c>: verdict, annotated copy, history), the coalition's board (<c>/coalition/{period}</c>)
/// and the merged workbook (<c>/coalition/{period}/workbook</c>). Each recipient signs in there, so links work without a
/// function key or storage rights. Null when no base address is configured: callers then say how to get the file.
/// </summary>
public sealed class PortalLinks
{
    private readonly string? _base;

    public PortalLinks(IOptions<PortalOptions> portal, IOptions<DigestOptions> digest, ILogger<PortalLinks> logger)
    {
        var configured = portal.Value.BaseUrl;
        if (string.IsNullOrWhiteSpace(configured) && !string.IsNullOrWhiteSpace(digest.Value.DownloadBaseUrl))
        {
            // Read for one release so existing deployments keep their links; Portal__BaseUrl supersedes it.
            logger.LogWarning("Digest__DownloadBaseUrl is deprecated: set Portal__BaseUrl instead (using {BaseUrl} as the portal's address)",
                digest.Value.DownloadBaseUrl);
            configured = digest.Value.DownloadBaseUrl;
        }
        _base = string.IsNullOrWhiteSpace(configured) ? null : configured.Trim().TrimEnd('/');
    }

    public bool Enabled => _base is not null;

    /// <summary><c>{base}/units/{unit}/{period}</c>: what a unit's focal points open for one quarter.</summary>
    public string? UnitPeriod(string unit, ReportingPeriod period) => Link($"units/{Uri.EscapeDataString(unit.ToUpperInvariant())}/{period}");

    /// <summary><c>{base}/coalition/{period}</c>: the board and the regional progress.</summary>
    public string? Coalition(ReportingPeriod period) => Link($"coalition/{period}");

    /// <summary><c>{base}/coalition/{period}/workbook</c>: the merged workbook's download.</summary>
    public string? CoalitionWorkbook(ReportingPeriod period) => Link($"coalition/{period}/workbook");

    private string? Link(string route) => _base is null ? null : $"{_base}/{route}";
}
