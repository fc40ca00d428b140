using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Plan;

public static class PlanServiceCollectionExtensions
{
    /// <summary>
    /// The plan in force and the reporting units, as singletons: <see cref="PlanOptions.File"/> if set, else the
    /// embedded plan <see cref="PlanOptions.Id"/>; <see cref="PlanOptions.UnitsFile"/> if set, else the embedded units.
    /// </summary>
    public static IServiceCollection AddPlanCatalog(this IServiceCollection services)
    {
        services.AddOptions<PlanOptions>()
            .BindConfiguration(PlanOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PlanOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.File)
                ? PlanLoader.LoadEmbedded(options.Id)
                : PlanLoader.LoadFile(options.File);
        });
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
