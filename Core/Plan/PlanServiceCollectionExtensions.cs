using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan.Publishing;

namespace ServerlessPlan.Core.Plan;

public static class PlanServiceCollectionExtensions
{
    /// <summary>
    /// The plans in force and the reporting units, as singletons: the <see cref="PlanRegistry"/> (embedded plans,
    /// <see cref="PlanOptions.File"/>, published plans; loaded before a started host serves, by
    /// <see cref="PlanRegistryStartup"/>), the default <see cref="PlanCatalog"/> for what has no period
    /// (<see cref="PlanRegistry.Default"/>, as loaded at start), and the <see cref="ReportingUnits"/> of
    /// <see cref="PlanOptions.UnitsFile"/> if set, else the embedded units. Reading published plans needs the storage
    /// area (<c>AddStorage</c>), which registers their store over its config container.
    /// </summary>
    public static IServiceCollection AddPlanCatalog(this IServiceCollection services)
    {
        services.AddOptions<PlanOptions>()
            .BindConfiguration(PlanOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<PlansInForceLoader>();
        services.TryAddSingleton<PlanRegistry>();
        services.AddHostedService<PlanRegistryStartup>();
        services.TryAddSingleton(sp => sp.GetRequiredService<PlanRegistry>().Default);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PlanOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.UnitsFile)
                ? ReportingUnitsLoader.LoadEmbedded()
                : ReportingUnitsLoader.LoadFile(options.UnitsFile);
        });
        return services;
    }
}
