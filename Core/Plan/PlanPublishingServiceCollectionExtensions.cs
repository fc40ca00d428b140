using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Plan.Publishing;

namespace ServerlessPlan.Core.Plan;

public static class PlanPublishingServiceCollectionExtensions
{
    /// <summary>
    /// Publication to storage. Needs the storage area and the plans in force (<c>AddPlanCatalog</c>: the published plans'
    /// store, their loader and the registry a publication refreshes); the files it publishes are read by
    /// <c>AddPlanWorkbook</c>'s reader.
    /// </summary>
    public static IServiceCollection AddPlanPublishing(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanPublisher>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
