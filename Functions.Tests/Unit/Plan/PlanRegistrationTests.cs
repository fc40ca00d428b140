using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Plan.Publishing;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>AddServerlessPlan wires the plan registry, the default catalog and the units from configuration section "Plan".</summary>
public sealed class PlanRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        // A storage connection, never used: these tests load the built-in plans only.
        settings.TryAdd("PlanStorage", "UseDevelopmentStorage=true");
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
        var registry = sp.GetRequiredService<PlanRegistry>();
        registry.LoadBuiltIn();
        var catalog = sp.GetRequiredService<PlanCatalog>();
        Assert.Equal("2020-2022", catalog.Id);
        Assert.Same(catalog, sp.GetRequiredService<PlanCatalog>());
        Assert.Same(registry.Default, catalog);
        Assert.Same(catalog, registry.For(new ReportingPeriod(2021, 3)));
        Assert.Equal(9, sp.GetRequiredService<ReportingUnits>().All.Count);
    }

    [Fact]
    public void The_default_plan_is_not_served_before_the_registry_is_loaded()
    {
        using var sp = Build([]);
        var ex = Assert.Throws<InvalidOperationException>(() => sp.GetRequiredService<PlanCatalog>());
        Assert.Contains("used before it was loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_File_takes_precedence_over_the_embedded_plan_of_its_years()
    {
        var plan = SeedPlan();
        plan["id"] = "2020-2022-revisada";
        using var file = new TempFile(plan);
        using var sp = Build(new() { ["Plan:Id"] = "2020-2022", ["Plan:File"] = file.Path });
        var registry = sp.GetRequiredService<PlanRegistry>();
        registry.LoadBuiltIn();

        Assert.Equal("2020-2022-revisada", sp.GetRequiredService<PlanCatalog>().Id);
        var only = Assert.Single(registry.Plans.Plans);
        Assert.Equal((PlanOrigin.File, true), (only.Origin, only.IsDefault));
        Assert.Equal("2020-2022-revisada", registry.For(new ReportingPeriod(2020, 1)).Id);
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
    public void An_unknown_Plan_Id_fails_when_the_registry_loads()
    {
        using var sp = Build(new() { ["Plan:Id"] = "2023-2025" });
        var ex = Assert.Throws<PlansInForceException>(() => sp.GetRequiredService<PlanRegistry>().LoadBuiltIn());
        Assert.Contains("Plan__Id names none of 2020-2022", ex.Message, StringComparison.Ordinal);
        Assert.False(sp.GetRequiredService<PlanRegistry>().IsLoaded);
    }

    [Theory]
    [InlineData("Id", "")]
    [InlineData("RefreshMinutes", "-1")]
    [InlineData("RefreshMinutes", "1441")]
    public void A_bad_plan_setting_fails_startup_validation(string property, string value)
    {
        using var sp = Build(new() { [$"Plan:{property}"] = value });
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
    }
}
