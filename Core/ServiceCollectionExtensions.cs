using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core;

/// <summary>The one place that composes Core; the Functions app and the CLI both call it.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddServerlessPlan(this IServiceCollection services, IConfiguration configuration)
    {
        // Each area registers its own services in its folder's *ServiceCollectionExtensions file.
        services.AddStores(configuration);
        services.AddReports(configuration);
        return services;
    }
}
