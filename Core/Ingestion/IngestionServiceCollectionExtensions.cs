using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Ingestion.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Stateless and thread-safe: every call works on its own buffer.
        services.AddSingleton<PackageInspector>();
        services.AddSingleton<SheetValidator>();
        services.AddSingleton<UploadValidator>();
        services.AddSingleton<ValidationReportStore>();
        services.AddSingleton<SubmissionNotifier>();
        services.AddSingleton<SubmissionIngestor>();
        services.AddSingleton<UploadSubmitter>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
