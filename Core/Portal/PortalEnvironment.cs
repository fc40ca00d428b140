using Microsoft.Extensions.Configuration;

namespace ServerlessPlan.Core.Portal;

/// <summary>
/// What the platform tells the app about where it runs, read from configuration (App Service sets these as
/// environment variables, which the Functions host and the CLI both read into configuration).
/// </summary>
public static class PortalEnvironment
{
    /// <summary>Set by App Service (and Functions) on every instance in Azure.</summary>
    public const string SiteNameSetting = "WEBSITE_SITE_NAME";

    public const string InstanceIdSetting = "WEBSITE_INSTANCE_ID";

    /// <summary><c>True</c> when App Service Authentication is on: only then does the platform set, and strip, <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";

    public static bool RunsInAzure(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[SiteNameSetting]) || !string.IsNullOrEmpty(configuration[InstanceIdSetting]);

    public static bool PlatformAuthenticationEnabled(IConfiguration configuration) =>
        string.Equals(configuration[AuthEnabledSetting]?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
