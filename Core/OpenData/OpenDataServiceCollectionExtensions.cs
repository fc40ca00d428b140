using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessPlan.Core.OpenData;

public static class OpenDataServiceCollectionExtensions
{
    /// <summary>The open-data package (docs/data.md): its reader, rows and exporter. Needs the reports and the stores.</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.TryAddSingleton<PeriodRecordReader>();
        services.TryAddSingleton<DatasetRows>();
        services.TryAddSingleton<OpenDataExporter>();
        return services;
    }
}
