using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Plan.Matrix;
using ServerlessPlan.Core.Plan.Publishing;

namespace ServerlessPlan.Core.Plan;

public static class PlanPublishingServiceCollectionExtensions
{
    /// <summary>
    /// The plan workbook (export, import), plan files and publication to storage. Needs the storage area and the plans
    /// in force (<c>AddPlanCatalog</c>: the published plans' store, their loader and the registry a publication refreshes).
    /// </summary>
    public static IServiceCollection AddPlanPublishing(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanMatrixWriter>();
        services.TryAddSingleton<PlanMatrixImporter>();
        services.TryAddSingleton<PlanFileReader>();
        services.TryAddSingleton<PlanPublisher>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
