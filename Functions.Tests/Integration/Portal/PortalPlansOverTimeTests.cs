using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// The portal under two plans in force (2020-2022 and 2023-2025) and a country that joins in 2024-Q1: every quarter
/// is shown, gated and counted against the plan in force for it and the units that were members then.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalPlansOverTimeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly ReportingUnit Mexico =
        new("MX", new LocalizedText("México", "Mexico"), Language.Es, ReportingUnitKind.Country) { From = new ReportingPeriod(2024, 1) };

    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, blobEvents: false,
        time: new FakeTimeProvider(new DateTimeOffset(2024, 5, 10, 12, 0, 0, TimeSpan.Zero)),
        configure: services =>
        {
            services.Replace(ServiceDescriptor.Singleton(PlanRegistry.Fixed(RealPlan.Catalog, RealPlan.Renamed("2023-2025", 2023, 2025))));
            services.Replace(ServiceDescriptor.Singleton(new ReportingUnits([.. RealPlan.Units.All, Mexico])));
        });

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_unit_sees_the_quarters_of_every_plan_in_force_up_to_now_grouped_by_plan()
    {
        using var gt = _portal.As("ana@gt.example.org", "Unit.GT");

        var page = PortalPages.Parse(await gt.GetStringAsync("units/GT"));

        // The plans' headings, newest first, each followed by its own list of quarters.
        var headings = page.QuerySelectorAll("main h2.heading-m").Select(PortalPages.Text).Where(h => h.StartsWith("Plan ", StringComparison.Ordinal)).ToList();
        Assert.Contains("Plan 2023-2025", headings);
        var links = page.QuerySelectorAll("ul.task-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/units/GT/2024-Q2", links);
        Assert.Contains("/units/GT/2020-Q1", links);
        Assert.DoesNotContain("/units/GT/2024-Q3", links);
        var firstList = page.QuerySelector("ul.task-list")!;
        Assert.Equal("Plan 2023-2025", PortalPages.Text(firstList.PreviousElementSibling));
        Assert.True(links.IndexOf("/units/GT/2024-Q2") < links.IndexOf("/units/GT/2022-Q2"), "The newest plan's quarters come first.");
    }

    [Fact]
    public async Task A_unit_that_joined_later_has_no_page_for_the_quarters_before_it_joined()
    {
        using var mx = _portal.As("maria@mx.example.org", "Unit.MX");

        using var before = await mx.GetAsync("units/MX/2023-Q4");
        using var after = await mx.GetAsync("units/MX/2024-Q1");
        using var template = await mx.GetAsync("units/MX/2024-Q1/template");
        var quarters = PortalPages.Parse(await mx.GetStringAsync("units/MX")).QuerySelectorAll("ul.task-list a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("no es miembro de la Coalición Regional en el 4.º trimestre de 2023", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.DoesNotContain("/units/MX/2023-Q4", quarters);
        Assert.Contains("/units/MX/2024-Q1", quarters);
    }

    [Fact]
    public async Task A_quarter_no_plan_covers_is_not_found_with_the_plans_in_force_named()
    {
        using var reader = _portal.As("presidencia@coalicion.example.org", "Coalition.Reader");

        using var outside = await reader.GetAsync("coalition/2026-Q1");
        using var malformed = await reader.GetAsync("coalition/2024-T1");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("El año 2026 está fuera de los planes vigentes: 2020-2022 (2020–2022), 2023-2025 (2023–2025).",
            await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Contains("Trimestre no válido", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_of_a_quarter_expects_the_members_of_that_quarter()
    {
        using var reader = _portal.As("presidencia@coalicion.example.org", "Coalition.Reader");

        var before = await reader.GetStringAsync("coalition/2023-Q4");
        var after = await reader.GetStringAsync("coalition/2024-Q1");

        Assert.DoesNotContain("México", before, StringComparison.Ordinal);
        Assert.Contains("México", after, StringComparison.Ordinal);
        Assert.Contains("de 10 unidades", after, StringComparison.Ordinal);
        Assert.Contains("de 9 unidades", before, StringComparison.Ordinal);
    }
}
