using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Plan.Publishing;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Plan;

/// <summary>
/// The <see cref="PlanRegistry"/>'s lifecycle against Azurite: loaded before serving, refreshed after a publication
/// (in the same process at once, elsewhere at the next refresh), never adopting plans that overlap or cannot be read,
/// and keeping what it serves when storage fails after the start.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PlanRegistryTests(AzuriteFixture azurite)
{
    private static readonly ReportingPeriod Q2021 = new(2021, 3);
    private static readonly ReportingPeriod Q2024 = new(2024, 1);

    private readonly TestStorage _storage = new(azurite);

    /// <summary>Storage that stops answering when <see cref="Down"/> is set (before the SDK's retries, so at once).</summary>
    private sealed class StorageSwitch : HttpPipelinePolicy
    {
        public bool Down { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Down) throw new RequestFailedException(503, "storage is down (test)");
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            Down ? throw new RequestFailedException(503, "storage is down (test)") : ProcessNextAsync(message, pipeline);
    }

    /// <summary>One process's registry and publisher over the test's storage (through <paramref name="storageSwitch"/> when given).</summary>
    private (PlanRegistry Registry, PlanPublisher Publisher) Process(StorageSwitch? storageSwitch = null, PlanOptions? settings = null)
    {
        var blobs = _storage.Blobs;
        if (storageSwitch is not null)
        {
            var options = new BlobClientOptions();
            options.AddPolicy(storageSwitch, HttpPipelinePosition.PerCall);
            blobs = new BlobServiceClient(_storage.ConnectionString, options);
        }
        var store = new PublishedPlanStore(blobs.GetBlobContainerClient(_storage.Layout.Config), NullLogger<PublishedPlanStore>.Instance);
        var loader = new PlansInForceLoader(store, Options.Create(settings ?? new PlanOptions()));
        var registry = new PlanRegistry(loader, NullLogger<PlanRegistry>.Instance);
        return (registry, new PlanPublisher(store, loader, registry, TimeProvider.System, NullLogger<PlanPublisher>.Instance));
    }

    private static PlanCatalog Plan(string id, int first, int last) => RealPlan.Renamed(id, first, last);

    /// <summary>A plan blob written by hand, past the publisher's checks (a script, a restore, a mistake).</summary>
    private async Task WriteBlobAsync(string name, byte[] content)
    {
        var container = _storage.Blobs.GetBlobContainerClient(_storage.Layout.Config);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
    }

    private Dictionary<string, string?> Settings() => _storage.Settings();

    [Fact]
    public async Task Every_member_throws_until_the_registry_is_loaded()
    {
        var (registry, _) = Process();

        Assert.False(registry.IsLoaded);
        var ex = Assert.Throws<InvalidOperationException>(() => registry.Find(Q2021));
        Assert.Contains("used before it was loaded", ex.Message, StringComparison.Ordinal);

        await registry.LoadAsync(default);
        Assert.Equal("2020-2022", registry.For(Q2021).Id);
        Assert.Null(registry.Find(Q2024));
        var outside = Assert.Throws<PeriodOutsidePlanException>(() => registry.For(Q2024));
        Assert.Equal("El año 2024 está fuera de los planes vigentes: 2020-2022 (2020–2022).", outside.Text.Es);
    }

    [Fact]
    public async Task A_publication_in_the_same_process_is_served_at_once()
    {
        var (registry, publisher) = Process();
        await registry.LoadAsync(default);

        var result = await publisher.PublishAsync(Plan("2023-2025", 2023, 2025), "next.xlsx", false, Language.Es, default);

        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.Equal("2023-2025", registry.For(Q2024).Id);
        Assert.Equal("2020-2022", registry.For(Q2021).Id);
        Assert.Equal("2020-2022", registry.Default.Id);
        Assert.Equal("2020-2022 (2020–2022), 2023-2025 (2023–2025)", registry.Describe());
    }

    [Fact]
    public async Task A_publication_elsewhere_is_served_after_a_refresh_and_a_refresh_without_change_swaps_nothing()
    {
        var (served, _) = Process();
        await served.LoadAsync(default);
        var (_, elsewhere) = Process();

        await elsewhere.PublishAsync(Plan("2023-2025", 2023, 2025), "next.xlsx", false, Language.Es, default);

        Assert.Null(served.Find(Q2024));
        var plansBefore = served.Plans;
        Assert.True(await served.RefreshAsync(default));
        Assert.Equal("2023-2025", served.For(Q2024).Id);
        Assert.NotSame(plansBefore, served.Plans);

        var plansAfter = served.Plans;
        Assert.False(await served.RefreshAsync(default));
        Assert.Same(plansAfter, served.Plans);
    }

    [Fact]
    public async Task Plan_Id_may_name_a_published_plan_as_the_default()
    {
        var (_, publisher) = Process();
        await publisher.PublishAsync(Plan("2023-2025", 2023, 2025), "next.xlsx", false, Language.Es, default);
        var (served, _) = Process(settings: new PlanOptions { Id = "2023-2025" });

        await served.LoadAsync(default);

        Assert.Equal("2023-2025", served.Default.Id);
        Assert.Equal("2020-2022", served.For(Q2021).Id);
    }

    [Fact]
    public async Task Overlapping_plans_in_storage_fail_a_load_and_a_refresh_keeps_the_plans_served()
    {
        var (served, _) = Process();
        await served.LoadAsync(default);
        await WriteBlobAsync("plans/2022-2024.json", PlanDocumentWriter.Write(Plan("2022-2024", 2022, 2024)));

        Assert.False(await served.RefreshAsync(default));
        Assert.Equal(["2020-2022"], served.Plans.Plans.Select(p => p.Id));

        var (fresh, _) = Process();
        var ex = await Assert.ThrowsAsync<PlansInForceException>(() => fresh.LoadAsync(default));
        Assert.Contains(ex.Problems, p => p.Contains("2020-2022 (2020–2022) (Embedded) and 2022-2024 (2022–2024) (Published) overlap", StringComparison.Ordinal));
        Assert.False(fresh.IsLoaded);
    }

    [Fact]
    public async Task A_published_plan_that_cannot_be_read_fails_a_load()
    {
        await WriteBlobAsync("plans/2023-2025.json", "{ \"id\": \"2023-2025\" "u8.ToArray());
        var (registry, _) = Process();

        var ex = await Assert.ThrowsAsync<PlansInForceException>(() => registry.LoadAsync(default));

        Assert.Contains($"{_storage.Layout.Config}/plans/2023-2025.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serverlessplan plan list", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_down_fails_the_first_load_but_a_refresh_keeps_serving_what_was_loaded()
    {
        var storageSwitch = new StorageSwitch();
        var (served, publisher) = Process(storageSwitch);
        await served.LoadAsync(default);
        await publisher.PublishAsync(Plan("2023-2025", 2023, 2025), "next.xlsx", false, Language.Es, default);

        storageSwitch.Down = true;
        Assert.False(await served.RefreshAsync(default));
        Assert.Equal("2023-2025", served.For(Q2024).Id);

        var (fresh, _) = Process(storageSwitch);
        await Assert.ThrowsAsync<RequestFailedException>(() => fresh.LoadAsync(default));
        Assert.False(fresh.IsLoaded);
    }

    [Fact]
    public async Task The_functions_app_does_not_start_on_plans_that_cannot_be_served()
    {
        await WriteBlobAsync("plans/2022-2024.json", PlanDocumentWriter.Write(Plan("2022-2024", 2022, 2024)));

        var ex = await Assert.ThrowsAsync<PlansInForceException>(() => FunctionsHttpServer.StartAsync(Settings()));

        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_functions_app_does_not_start_when_storage_cannot_be_read()
    {
        var settings = Settings();
        // A loopback port nobody listens on; the SDK's retries (which the app keeps) only make the failure later.
        settings["PlanStorage"] = ConnectionStrings.ForAzurite(9, 9, 9);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => FunctionsHttpServer.StartAsync(settings,
            services => services.AddAzureClients(clients => clients.ConfigureDefaults(o => o.Retry.MaxRetries = 0))));

        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task A_running_app_serves_a_plan_published_meanwhile_after_its_refresh_interval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FunctionsHttpServer.StartAsync(Settings(), services => services.AddSingleton<TimeProvider>(clock));
        var served = server.Services.GetRequiredService<PlanRegistry>();
        using (var before = await server.Client.GetAsync("api/templates/GT/2024-Q1"))
            Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);

        var (_, elsewhere) = Process();
        await elsewhere.PublishAsync(Plan("2023-2025", 2023, 2025), "next.xlsx", false, Language.Es, default);
        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(200);
        Assert.Null(served.Find(Q2024));

        clock.Advance(TimeSpan.FromMinutes(1));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (served.Find(Q2024) is null && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);

        using var after = await server.Client.GetAsync("api/templates/GT/2024-Q1");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Plan_list_and_every_verb_name_what_keeps_the_plans_from_being_served()
    {
        await WriteBlobAsync("plans/2022-2024.json", PlanDocumentWriter.Write(Plan("2022-2024", 2022, 2024)));
        async Task<(int Exit, string Out, string Err)> Cli(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await CliApp.RunAsync(args, stdout, stderr, Settings());
            return (exit, stdout.ToString(), stderr.ToString());
        }

        var (exit, output, _) = await Cli("plan", "list");
        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("problem: plans 2020-2022 (2020–2022) (Embedded) and 2022-2024 (2022–2024) (Published) overlap", output, StringComparison.Ordinal);
        Assert.Contains("The application refuses to start until these problems are solved", output, StringComparison.Ordinal);

        (exit, _, var error) = await Cli("workbook", "--period", "2021-Q3", "--out", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.xlsx"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("error: The plans in force cannot be served (1 problem):", error, StringComparison.Ordinal);
    }
}
