using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Reports.Digest;

namespace ServerlessPlan.Core.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The portal's address (section <c>Portal</c>) and the links mails build from it.</summary>
    public static IServiceCollection AddPortalLinks(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .Validate(o => PortalOptions.IsUsableBaseUrl(o.BaseUrl), "Portal__BaseUrl must be an absolute http(s) URL without query or fragment, or empty.")
            .Validate(o => o.MaxWorkbookBuilds is >= 1 and <= PortalOptions.MaxWorkbookBuildsLimit,
                $"Portal__MaxWorkbookBuilds must be between 1 and {PortalOptions.MaxWorkbookBuildsLimit}.")
            .Validate(o => PortalOptions.IsUsableAuthority(o.SignInAuthority),
                "Portal__SignInAuthority must be an https authority with the tenant in its path (https://login.microsoftonline.com/<tenant-id>), or empty.")
            .ValidateOnStart();
        services.TryAddSingleton<BearerChallenge>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalOptions>, DevelopmentSignInOutsideAzure>());
        services.TryAddSingleton(sp => new PortalLinks(PortalAddress.Resolve(sp.GetRequiredService<IOptions<PortalOptions>>().Value,
            sp.GetRequiredService<IOptions<DigestOptions>>().Value, sp.GetRequiredService<ILogger<PortalLinks>>())));
        return services;
    }

    /// <summary>What the portal's pages read: who may see what, a unit's quarters, the board, the cached workbook.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalLinks();
        services.TryAddSingleton(sp => new ClientPrincipalSource(
            sp.GetRequiredService<IOptions<PortalOptions>>().Value.DevelopmentSignIn,
            PortalEnvironment.PlatformAuthenticationEnabled(configuration)));
        services.TryAddSingleton<UnitQuarters>();
        services.TryAddSingleton<CompletenessBoard>();
        services.TryAddSingleton<RegionalProgressCache>();
        services.TryAddSingleton<WorkbookBuilds>();
        services.TryAddSingleton<AsOfSettlement>();
        services.TryAddSingleton<WorkbookCache>();
        services.TryAddSingleton<UserDelegationKeys>();
        services.TryAddSingleton<BlobReadLinks>();
        services.TryAddSingleton<AsOfWorkbooks>();
        services.TryAddSingleton<AsOfRecordStart>();
        services.TryAddSingleton<AsOfDateForm>();
        services.TryAddSingleton<PortalUploads>();
        services.TryAddSingleton<UnitFiles>();
        return services;
    }

    /// <summary>Development sign-in trusts any caller's header: never where the app is reachable in Azure.</summary>
    private sealed class DevelopmentSignInOutsideAzure(IConfiguration configuration) : IValidateOptions<PortalOptions>
    {
        public ValidateOptionsResult Validate(string? name, PortalOptions options) =>
            options.DevelopmentSignIn && PortalEnvironment.RunsInAzure(configuration)
                ? ValidateOptionsResult.Fail(
                    "Portal__DevelopmentSignIn is true but the app runs in Azure (WEBSITE_SITE_NAME/WEBSITE_INSTANCE_ID are set): " +
                    "development sign-in would trust any caller's X-MS-CLIENT-PRINCIPAL. Remove the setting; sign-in in Azure is App Service Authentication.")
                : ValidateOptionsResult.Success;
    }
}
