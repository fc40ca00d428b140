using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessPlan.Core.PlanWorkbook;

public static class PlanWorkbookServiceCollectionExtensions
{
    /// <summary>The plan workbook (export, import) and the reader of plan files, JSON or workbook (<c>plan import</c>, <c>plan publish</c>).</summary>
    public static IServiceCollection AddPlanWorkbook(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanMatrixWriter>();
        services.TryAddSingleton<PlanMatrixImporter>();
        services.TryAddSingleton<PlanFileReader>();
        return services;
    }
}
