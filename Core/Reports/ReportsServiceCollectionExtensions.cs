using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessPlan.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Regional progress and the merged workbook. Needs the plan (catalog, units) and the stores.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RegionalProgressCalculator>();
        services.AddSingleton<ProgressSnapshotLoader>();
        services.AddSingleton<MergedWorkbookWriter>();
        services.AddSingleton<MergedWorkbookService>();
        return services;
    }
}
