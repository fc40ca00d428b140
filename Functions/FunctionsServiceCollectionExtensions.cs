using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core;

namespace ServerlessPlan.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the triggers need: Core's services plus the worker's telemetry.</summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.AddServerlessPlan(configuration);
        return services;
    }
}
