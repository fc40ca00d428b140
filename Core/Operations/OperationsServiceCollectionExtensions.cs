using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Telemetry;

namespace ServerlessPlan.Core.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Telemetry, replay and the operations status; needs the Storage, Ingestion and Mail areas.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<PlanTelemetry>();
        services.TryAddSingleton<IngestionReplay>();
        services.TryAddSingleton<PendingResultMails>();
        services.TryAddSingleton<PoisonQueue>();
        services.TryAddSingleton<DeadLetters>();
        services.TryAddSingleton<DeadLetterReplay>();
        services.TryAddSingleton<OperationsStatusService>();
        services.TryAddSingleton<OperationsCheck>();
        return services;
    }
}
