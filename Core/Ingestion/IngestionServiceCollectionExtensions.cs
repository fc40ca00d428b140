using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation;

namespace ServerlessPlan.Core.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>The guard, the validation and the ingestion (section <c>Ingestion</c>); needs the Storage and Mail areas.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Stateless and thread-safe: every call works on its own buffer.
        services.TryAddSingleton<PackageInspector>();
        services.TryAddSingleton<SheetValidator>();
        services.TryAddSingleton<UploadValidator>();
        services.TryAddSingleton<SubmissionNotifier>();
        services.TryAddSingleton<ArrivalClock>();
        services.TryAddSingleton<SubmissionIngestor>();
        services.TryAddSingleton<UploadSubmitter>();
        return services;
    }
}
