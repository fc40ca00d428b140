using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.OpenData.Exports;

namespace ServerlessPlan.Core.OpenData;

public static class OpenDataServiceCollectionExtensions
{
    /// <summary>
    /// The open-data package (docs/data.md): its reader, rows and exporter, and the publisher of the <c>exports</c>
    /// container. Needs the reports, the stores and the portal's build slots.
    /// </summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.TryAddSingleton<PeriodRecordReader>();
        services.TryAddSingleton<DatasetRows>();
        services.TryAddSingleton<OpenDataExporter>();
        services.TryAddSingleton<ExportPublisher>();
        return services;
    }
}
