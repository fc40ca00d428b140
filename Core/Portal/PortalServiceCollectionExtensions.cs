using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessPlan.Core.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The portal's address (section <c>Portal</c>) and the links mails build from it.</summary>
    public static IServiceCollection AddPortalLinks(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .Validate(o => PortalOptions.IsUsableBaseUrl(o.BaseUrl), "Portal__BaseUrl must be an absolute http(s) URL without query or fragment, or empty.")
            .ValidateOnStart();
        services.TryAddSingleton<PortalLinks>();
        return services;
    }
}
