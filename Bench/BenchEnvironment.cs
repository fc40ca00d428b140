using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Bench;

/// <summary>
/// The app's own services, composed as the Functions host composes them, around a synthetic plan and units and a
/// storage prefix of their own, so bench data never mixes with anything. Disposing removes what the run created.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchEnvironment(BenchScale scale, string storageConnection)
    {
        Scale = scale;
        Catalog = SyntheticPlan.Build(scale.Activities, scale.Years);
        Units = SyntheticUnits.Build(scale.Units);
        Plans = PlanRegistry.Fixed(Catalog);
        Data = new BenchDataSet(scale, Plans, Units);
        var settings = new Dictionary<string, string?>
        {
            [StorageNames.Connection] = storageConnection,
            [$"{StorageOptions.Section}:Prefix"] = "bench" + Guid.NewGuid().ToString("N")[..10],
            // Never a real mail provider: results go to the outbox container, as they do locally.
            ["Mail:SendGridApiKey"] = "",
            ["Contacts:SecretariatCopy"] = "st@bench.example.org",
            // The synthetic quarters are long past at today's date: locked, every sheet would be refused unread. The lock
            // costs nothing before a quarter's automatic lock and one point read after it, which is not what is measured here.
            ["Reports:LockGraceDays"] = "-1",
        };
        // Each unit's registered contact is the address its sample sheets carry: every verdict is mailed as in
        // production (claim, send, mark) and no sheet draws a FOCAL_EMAIL_NOT_REGISTERED warning.
        foreach (var unit in Units.All) settings[$"Contacts:Units:{unit.Code}"] = SampleSheetFiller.FocalEmailOf(unit);
        Settings = settings;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddServerlessPlan(configuration);
        // Registered last, so these win over the plans in force and the embedded units.
        services.AddSingleton(Plans);
        services.AddSingleton(Catalog);
        services.AddSingleton(Units);
        _services = services.BuildServiceProvider();
    }

    public BenchScale Scale { get; }

    /// <summary>The settings the environment's services are composed from (storage and its prefix, contacts): another host over the same data uses them.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public PlanCatalog Catalog { get; }

    /// <summary>The synthetic plan as the only plan in force.</summary>
    public PlanRegistry Plans { get; }
    public ReportingUnits Units { get; }
    public BenchDataSet Data { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        var layout = Get<StorageLayout>();
        var blobs = Get<BlobServiceClient>();
        var tables = Get<TableServiceClient>();
        foreach (var container in new[] { layout.Uploads, layout.Archive, layout.Reports, layout.Outbox, layout.Workbooks })
            await blobs.GetBlobContainerClient(container).DeleteIfExistsAsync();
        foreach (var table in new[] { layout.ProgressTable, layout.SubmissionsTable, layout.DigestsTable })
            await tables.GetTableClient(table).DeleteAsync();
        await _services.DisposeAsync();
    }
}
