using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The ingestion composed as the apps compose it (<c>AddServerlessPlan</c>) over one test's prefixed Azurite storage,
/// with mail going to the outbox and a local folder, and every log entry kept. Several hosts may share one storage
/// (a healthy one and one whose Table Storage fails).
/// </summary>
public sealed class IngestionHost : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="time">The clock (the system clock by default): the reporting calendar and the result mail's claim lease use it.</param>
    /// <param name="claimTimings">How long a delivery waits for a rival's result-mail claim (production's by default).</param>
    /// <param name="configure">Added after Core (the app's telemetry with in-memory exporters: <see cref="TelemetryCapture"/>).</param>
    public IngestionHost(TestStorage storage, string outboxDirectory, FailingMergeWritePolicy? failingTables = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null, TimeProvider? time = null, SendClaimTimings? claimTimings = null,
        Action<IServiceCollection>? configure = null)
    {
        Storage = storage;
        OutboxDirectory = outboxDirectory;
        var settings = storage.Settings();
        settings["Mail:OutboxDirectory"] = outboxDirectory;
        // Every unit's registered contact is the address its sample sheets carry; the ST is copied.
        foreach (var unit in RealPlan.Units.All) settings[$"Contacts:Units:{unit.Code}"] = FilledSheet.FocalEmailOf(unit.Code);
        settings["Contacts:SecretariatCopy"] = SecretariatCopy;
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton<IConfiguration>(configuration);
        // Before Core, whose TryAdd registrations then keep these.
        if (time is not null) services.AddSingleton(time);
        if (claimTimings is not null) services.AddSingleton(claimTimings);
        services.RetryWithoutWaiting();
        services.AddServerlessPlan(configuration);
        if (failingTables is not null)
        {
            var options = new TableClientOptions();
            options.AddPolicy(failingTables, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(storage.ConnectionString, options)); // replaces the configured client
        }
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        // What a started host does before serving (PlanRegistryStartup): the plans in force, published ones included.
        // A constructor cannot await; xunit runs tests without a synchronization context, so this wait cannot deadlock.
        _services.GetRequiredService<PlanRegistry>().LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The ST's address copied on every result mail.</summary>
    public const string SecretariatCopy = "st@coalicion.example.org";

    public TestStorage Storage { get; }
    public string OutboxDirectory { get; }
    public ListLoggerProvider Logs { get; } = new();

    public SubmissionIngestor Ingestor => _services.GetRequiredService<SubmissionIngestor>();
    public SubmissionStore Submissions => _services.GetRequiredService<SubmissionStore>();
    public ProgressStore Progress => _services.GetRequiredService<ProgressStore>();
    public ArrivalLog Arrivals => _services.GetRequiredService<ArrivalLog>();
    public UploadSubmitter Submitter => _services.GetRequiredService<UploadSubmitter>();

    /// <summary>Any service of the composition (the lock service, the workbook, the digest) over the same storage and clock.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public BlobContainerClient Container(Func<StorageLayout, string> name) => Storage.Blobs.GetBlobContainerClient(name(Storage.Layout));

    /// <summary>Puts a file where a country uploads it: <c>uploads/{name}</c>, with the portal's uploader metadata.</summary>
    public async Task<BlobClient> UploadAsync(string name, byte[] content)
    {
        var container = Container(l => l.Uploads);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["uploader"] = Uri.EscapeDataString("punto focal@portal") },
        });
        return blob;
    }

    /// <summary>Uploads after <paramref name="earlier"/> with a later Last-Modified (it has one-second resolution).</summary>
    public async Task<BlobClient> UploadAfterAsync(BlobClient earlier, string name, byte[] content)
    {
        var before = (await earlier.GetPropertiesAsync()).Value.LastModified;
        var wait = before.AddSeconds(1) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait + TimeSpan.FromMilliseconds(50));
        var blob = await UploadAsync(name, content);
        Assert.True((await blob.GetPropertiesAsync()).Value.LastModified > before);
        return blob;
    }

    public Task<IngestionResult> IngestAsync(BlobClient blob) => Ingestor.IngestAsync(blob, CancellationToken.None);

    /// <summary>How many result mails were written to the outbox (re-sending the same key overwrites the files).</summary>
    public int MailsWritten(string? unit = null) => Logs.Entries.Count(e =>
        e.Category == typeof(OutboxMailSender).FullName && e.Template?.StartsWith("Wrote mail", StringComparison.Ordinal) == true &&
        (unit is null || (e.Properties["MessageKey"] as string)?.StartsWith($"result-{unit}-", StringComparison.Ordinal) == true));

    /// <summary>The message.json of each result mail in the local outbox folder for a unit and period.</summary>
    public IReadOnlyList<string> MailFolders(string unit, ReportingPeriod period) =>
        Directory.Exists(OutboxDirectory)
            ? Directory.GetDirectories(OutboxDirectory, $"result-{unit}-{period}-*", SearchOption.AllDirectories)
            : [];

    /// <summary>Every entity of a table under this test's prefix (none when the table was never created).</summary>
    public Task<List<TableEntity>> AllAsync(Func<StorageLayout, string> table) => Storage.AllAsync(table);

    /// <summary>Every blob name in a container under this test's prefix (none when it was never created).</summary>
    public async Task<List<string>> BlobsAsync(Func<StorageLayout, string> container)
    {
        var client = Container(container);
        var names = new List<string>();
        if (!await client.ExistsAsync()) return names;
        await foreach (var item in client.GetBlobsAsync()) names.Add(item.Name);
        return names;
    }

    public void Dispose() => _services.Dispose();
}
