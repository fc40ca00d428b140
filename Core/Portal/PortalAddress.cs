using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Reports.Digest;

namespace ServerlessPlan.Core.Portal;

/// <summary>The portal's public address as configured (<c>Portal__BaseUrl</c>, or the deprecated <c>Digest__DownloadBaseUrl</c>).</summary>
public static class PortalAddress
{
    /// <summary>The base address links are built from; null when none is configured.</summary>
    public static string? Resolve(PortalOptions portal, DigestOptions digest, ILogger logger)
    {
        var configured = portal.BaseUrl;
        if (string.IsNullOrWhiteSpace(configured) && !string.IsNullOrWhiteSpace(digest.DownloadBaseUrl))
        {
            // Read for one release so existing deployments keep their links; Portal__BaseUrl supersedes it.
            logger.LogWarning("Digest__DownloadBaseUrl is deprecated: set Portal__BaseUrl instead (using {BaseUrl} as the portal's address)",
                digest.DownloadBaseUrl);
            configured = digest.DownloadBaseUrl;
        }
        return string.IsNullOrWhiteSpace(configured) ? null : configured;
    }
}
