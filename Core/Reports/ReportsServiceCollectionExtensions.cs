using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// The reporting calendar, regional progress and the merged workbook. Needs the plan (catalog, units) and the stores.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReportingCalendar>();
        services.AddSingleton<RegionalProgressCalculator>();
        services.AddSingleton<ProgressSnapshotLoader>();
        services.AddSingleton<MergedWorkbookWriter>();
        services.AddSingleton<MergedWorkbookService>();
        return services;
    }
}
