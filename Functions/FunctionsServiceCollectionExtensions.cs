using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessPlan.Core;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal;

namespace ServerlessPlan.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The whole app on <paramref name="builder"/>: what Program runs and what the tests compose.</summary>
    public static FunctionsApplicationBuilder AddServerlessPlanFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<HttpPolicyMiddleware>();
        builder.Services.AddFunctionsApp(builder.Configuration);
        return builder;
    }

    /// <summary>Everything the triggers need: Core's services plus the worker's telemetry (OpenTelemetry).</summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlanTelemetry(configuration);
        services.AddServerlessPlan(configuration);
        services.AddPortalHttp();
        return services;
    }

    /// <summary>The portal's request handling: who is asking and may they, shared by every portal function.</summary>
    public static IServiceCollection AddPortalHttp(this IServiceCollection services)
    {
        services.AddSingleton<PortalRequests>();
        services.AddSingleton<PortalGate>();
        services.AddSingleton<UnitPeriodModels>();
        services.AddSingleton<StoredVerdicts>();
        services.AddSingleton<CoalitionPeriods>();
        return services;
    }
}
