using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
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

    /// <summary>Everything the triggers need: Core's services plus the worker's telemetry.</summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.Configure<LoggerFilterOptions>(KeepInformationLogsInApplicationInsights);
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
        services.AddSingleton<CoalitionPeriods>();
        return services;
    }

    /// <summary>
    /// The Application Insights SDK adds a filter rule that keeps only warnings and above for its provider, which would
    /// drop every ingestion and digest outcome the app logs at Information. Removing it is the documented fix
    /// (https://learn.microsoft.com/azure/azure-functions/dotnet-isolated-process-guide#managing-log-levels, and the
    /// worker's samples/FunctionApp/Program.cs); the Azure SDK's own per-request Information logs stay out.
    /// </summary>
    private static void KeepInformationLogsInApplicationInsights(LoggerFilterOptions options)
    {
        var sdkDefault = options.Rules.FirstOrDefault(rule =>
            rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName && string.IsNullOrEmpty(rule.CategoryName));
        if (sdkDefault is not null)
            options.Rules.Remove(sdkDefault);
        options.AddFilter<ApplicationInsightsLoggerProvider>(AzureSdkLogCategory, LogLevel.Warning);
    }

    /// <summary>Category prefix of the Azure SDK's forwarded logs (Azure.Core, Azure.Identity, Azure.Storage.*).</summary>
    private const string AzureSdkLogCategory = "Azure.";
}
