using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.PlanMatrix;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// The reporting options (section <c>Reports</c>; the calendar's, Core/Plan; bound here once for the calendar and the template's deadline), the
    /// reporting calendar, regional progress, the merged workbook, the trends and the filled plan matrix. Needs the plan (catalog, units) and the stores.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ReportingCalendar>();
        services.TryAddSingleton<RegionalProgressCalculator>();
        services.TryAddSingleton<ProgressSnapshotLoader>();
        services.TryAddSingleton<MergedWorkbookWriter>();
        services.TryAddSingleton<MergedWorkbookService>();
        services.TryAddSingleton<TrendCalculator>();
        services.TryAddSingleton<TrendService>();
        services.TryAddSingleton<FilledPlanMatrixWriter>();
        services.TryAddSingleton<PlanMatrixReport>();
        return services;
    }
}
