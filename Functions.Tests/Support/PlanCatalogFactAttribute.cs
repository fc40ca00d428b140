using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// For end-to-end CLI tests that need the real plan catalog from DI. The catalog and its registration arrive from
/// the Plan area; until Core registers <see cref="PlanCatalog"/> and <see cref="ReportingUnits"/> these tests are
/// skipped with that reason instead of failing, and they run by themselves once it does.
/// </summary>
public sealed class PlanCatalogFactAttribute : FactAttribute
{
    public PlanCatalogFactAttribute()
    {
        if (!PlanCatalogRegistration.Registered) Skip = PlanCatalogRegistration.SkipReason;
    }
}

/// <inheritdoc cref="PlanCatalogFactAttribute"/>
public sealed class PlanCatalogTheoryAttribute : TheoryAttribute
{
    public PlanCatalogTheoryAttribute()
    {
        if (!PlanCatalogRegistration.Registered) Skip = PlanCatalogRegistration.SkipReason;
    }
}

internal static class PlanCatalogRegistration
{
    public const string SkipReason = "Core does not register PlanCatalog/ReportingUnits yet (Plan area not merged).";

    private static readonly Lazy<bool> IsRegistered = new(() =>
    {
        var services = new ServiceCollection();
        services.AddCliServices(new ConfigurationBuilder().Build());
        return services.Any(d => d.ServiceType == typeof(PlanCatalog)) && services.Any(d => d.ServiceType == typeof(ReportingUnits));
    });

    public static bool Registered => IsRegistered.Value;
}
