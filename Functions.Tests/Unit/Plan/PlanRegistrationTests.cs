using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Plan;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>AddServerlessPlan wires the catalog and the units from configuration section "Plan".</summary>
public sealed class PlanRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // The hosts register IConfiguration themselves; BindConfiguration reads it from the container.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddServerlessPlan(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Resolves_the_embedded_plan_and_units_by_default()
    {
        using var sp = Build([]);
        var catalog = sp.GetRequiredService<PlanCatalog>();
        Assert.Equal("2020-2022", catalog.Id);
        Assert.Same(catalog, sp.GetRequiredService<PlanCatalog>());
        Assert.Equal(9, sp.GetRequiredService<ReportingUnits>().All.Count);
    }

    [Fact]
    public void Plan_File_takes_precedence_over_the_embedded_id()
    {
        var plan = SeedPlan();
        plan["id"] = "2020-2022-revisada";
        using var file = new TempFile(plan);
        using var sp = Build(new() { ["Plan:Id"] = "2020-2022", ["Plan:File"] = file.Path });
        Assert.Equal("2020-2022-revisada", sp.GetRequiredService<PlanCatalog>().Id);
    }

    [Fact]
    public void Plan_UnitsFile_replaces_the_member_list()
    {
        var units = DefaultUnits();
        units["units"]!.AsArray().RemoveAt(0);
        using var file = new TempFile(units);
        using var sp = Build(new() { ["Plan:UnitsFile"] = file.Path });
        var loaded = sp.GetRequiredService<ReportingUnits>();
        Assert.Null(loaded.Find("BZ"));
        Assert.NotNull(loaded.Find("ST"));
    }

    [Fact]
    public void An_unknown_Plan_Id_fails_when_the_catalog_is_resolved()
    {
        using var sp = Build(new() { ["Plan:Id"] = "2023-2025" });
        var ex = Assert.Throws<PlanFormatException>(() => sp.GetRequiredService<PlanCatalog>());
        Assert.Contains("available: 2020-2022", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_Plan_Id_fails_startup_validation()
    {
        using var sp = Build(new() { ["Plan:Id"] = "" });
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(nameof(PlanOptions.Id), ex.Message, StringComparison.Ordinal);
    }
}
