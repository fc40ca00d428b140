using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Plan.Publishing;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Plan;

/// <summary>Publishers running at once (two people, a retried script) never both get through a check meant for one.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PlanPublisherRaceTests(AzuriteFixture azurite)
{
    private static PlanPublisher Publisher(TestStorage storage)
    {
        var store = new PublishedPlanStore(storage.Blobs.GetBlobContainerClient(storage.Layout.Config), NullLogger<PublishedPlanStore>.Instance);
        var loader = new PlansInForceLoader(store, Options.Create(new PlanOptions()));
        return new PlanPublisher(store, loader, new PlanRegistry(loader, NullLogger<PlanRegistry>.Instance), TimeProvider.System, NullLogger<PlanPublisher>.Instance);
    }

    private static PlanCatalog Plan(string id, int first, int last) => RealPlan.Renamed(id, first, last);

    [Fact]
    public async Task Of_two_overlapping_plans_published_at_once_exactly_one_is_published()
    {
        var storage = new TestStorage(azurite);
        var results = await Task.WhenAll(
            Publisher(storage).PublishAsync(Plan("2023-2025", 2023, 2025), "a.xlsx", false, Language.Es, default),
            Publisher(storage).PublishAsync(Plan("2025-2027", 2025, 2027), "b.xlsx", false, Language.Es, default));

        Assert.Equal([PublishOutcome.Published, PublishOutcome.Refused], results.Select(r => r.Outcome).Order());
        var refused = results.Single(r => r.Outcome == PublishOutcome.Refused);
        Assert.Equal("PLAN_YEARS_OVERLAP", Assert.Single(refused.Refusals).Code);
        var inForce = await new PlansInForceLoader(
            new PublishedPlanStore(storage.Blobs.GetBlobContainerClient(storage.Layout.Config), NullLogger<PublishedPlanStore>.Instance), Options.Create(new PlanOptions())).LoadAsync(default);
        Assert.Equal(2, inForce.Plans.Count);
        Assert.Empty(inForce.Problems);
    }

    [Fact]
    public async Task The_same_plan_published_twice_at_once_is_written_once()
    {
        var storage = new TestStorage(azurite);
        var plan = Plan("2023-2025", 2023, 2025);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Publisher(storage).PublishAsync(plan, "a.xlsx", false, Language.Es, default)));

        Assert.Equal([PublishOutcome.Published, PublishOutcome.Unchanged, PublishOutcome.Unchanged], results.Select(r => r.Outcome).Order());
        var store = new PublishedPlanStore(storage.Blobs.GetBlobContainerClient(storage.Layout.Config), NullLogger<PublishedPlanStore>.Instance);
        Assert.Single(await store.VersionsAsync("2023-2025", default));
    }

    [Fact]
    public async Task Plans_in_force_answer_which_plan_a_period_belongs_to()
    {
        var storage = new TestStorage(azurite);
        await Publisher(storage).PublishAsync(Plan("2023-2025", 2023, 2025), "a.xlsx", false, Language.Es, default);
        var inForce = await new PlansInForceLoader(
            new PublishedPlanStore(storage.Blobs.GetBlobContainerClient(storage.Layout.Config), NullLogger<PublishedPlanStore>.Instance), Options.Create(new PlanOptions())).LoadAsync(default);

        Assert.Equal("2020-2022", inForce.For(ReportingPeriod.Parse("2021-Q3"))!.Id);
        Assert.Equal("2023-2025", inForce.For(ReportingPeriod.Parse("2024-Q1"))!.Id);
        Assert.Null(inForce.For(2026));
    }
}
