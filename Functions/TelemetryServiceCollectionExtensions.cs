using ServerlessPlan.Core.Telemetry;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace ServerlessPlan.Functions;

/// <summary>
/// The worker's telemetry through OpenTelemetry, as the Functions docs recommend for the isolated worker: the app's
/// own meter and trace source (<see cref="PlanTelemetry"/>), the worker's invocation spans and its logs, exported to
/// Application Insights by the Azure Monitor exporter when Azure sets its connection string, authenticated as the
/// app's identity (Entra ID only: the component refuses local auth). host.json's <c>telemetryMode</c> makes the host
/// send its own telemetry through OpenTelemetry too.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Set by Azure (infra/main.bicep): the component's address.</summary>
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Set by Azure (infra/main.bicep): <c>ClientId={identity};Authorization=AAD</c>, the identity to send as.</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Category prefix of the Azure SDK's forwarded logs (Azure.Core, Azure.Identity, Azure.Storage.*).</summary>
    private const string AzureSdkLogCategory = "Azure.";

    public static IServiceCollection AddPlanTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(PlanTelemetry.Name))
            .WithTracing(tracing => tracing.AddSource(PlanTelemetry.Name))
            .WithLogging(logging => { }, options => options.IncludeFormattedMessage = true);
        // Every Information log of the app goes out (outcomes are logged at Information); the Azure SDK's per-request
        // Information logs stay out, its warnings do not.
        services.Configure<LoggerFilterOptions>(options => options.AddFilter<OpenTelemetryLoggerProvider>(AzureSdkLogCategory, LogLevel.Warning));

        var connection = configuration[ConnectionSetting];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connection;
                options.Credential = CredentialOf(configuration[AuthenticationSetting]);
            });
        }
        return services;
    }

    /// <summary>
    /// The managed identity named by <c>ClientId=…;Authorization=AAD</c> (the Application Insights SDK's setting, kept
    /// so one setting says who sends); null — the connection string's key alone — when there is none.
    /// </summary>
    public static TokenCredential? CredentialOf(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication)) return null;
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase)) return null;
        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
