using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Plan.Matrix;
using ServerlessPlan.Core.Plan.Publishing;

namespace ServerlessPlan.Core.Plan;

public static class PlanPublishingServiceCollectionExtensions
{
    /// <summary>
    /// The plan workbook (export, import), plan files and publication to storage. Needs the storage clients and layout
    /// (<c>AddStorageClients</c>, <c>AddStores</c>) and the plan options (<c>AddPlanCatalog</c>).
    /// </summary>
    public static IServiceCollection AddPlanPublishing(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanMatrixWriter>();
        services.TryAddSingleton<PlanMatrixImporter>();
        services.TryAddSingleton<PlanFileReader>();
        services.TryAddSingleton<PublishedPlanStore>();
        services.TryAddSingleton<PlansInForceLoader>();
        services.TryAddSingleton<PlanPublisher>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
