using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Locks;

/// <summary>
/// One test's world for the period-lock tests: its own Azurite storage, the ingestion composed as the apps compose it
/// with the default grace (2021-Q3 is due 31 October 2021 and locks on 15 November 2021), and one clock that is both
/// "now" and the instant Azure stamps on each upload's version (<see cref="BlobVersionIdPolicy"/>), so each upload arrives
/// exactly when the test says.
/// </summary>
public abstract class LockScenario : IDisposable
{
    public static readonly ReportingPeriod Q3 = new(2021, 3);

    /// <summary>2021-Q3's automatic lock: deadline (31 October) + 15 days.</summary>
    /// <summary>GT's lock: 15 November 2021, 00:00 on Guatemala's clock (UTC−6).</summary>
    public static readonly DateTimeOffset LocksAt = new(2021, 11, 15, 6, 0, 0, TimeSpan.Zero);

    private readonly string _outbox = Directory.CreateTempSubdirectory("locks-outbox").FullName;

    /// <param name="settings">Settings beyond the default grace (the digest's recipients, say).</param>
    protected LockScenario(AzuriteFixture azurite, DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Clock = new FakeTimeProvider(start);
        Storage = new TestStorage(azurite, arrivals: Clock);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Reports:LockGraceDays"] = Grace };
        Host = new IngestionHost(Storage, _outbox, extraSettings: all, time: Clock);
    }

    /// <summary>The default <c>Reports:LockGraceDays</c>, set for these tests (the suite's storage never locks otherwise).</summary>
    public const string Grace = "15";

    /// <summary>This test's storage, with the grace these tests use: for a CLI run over it.</summary>
    protected Dictionary<string, string?> CliSettings()
    {
        var settings = Storage.Settings();
        settings["Reports:LockGraceDays"] = Grace;
        return settings;
    }

    protected FakeTimeProvider Clock { get; }

    protected TestStorage Storage { get; }

    protected IngestionHost Host { get; }

    protected PeriodLockService Locks => Host.Get<PeriodLockService>();

    protected static DateTimeOffset Nov(int day, int hour = 0) => new(2021, 11, day, hour, 0, 0, TimeSpan.Zero);

    protected static DateTimeOffset Oct(int day, int hour = 0) => new(2021, 10, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>GT's complete sheet; <paramref name="ejecutado"/> on activity 1.1.1.2 tells the versions apart.</summary>
    protected static byte[] Sheet(double ejecutado, string unit = "GT") => FilledSheet.Complete(unit, Q3.ToString()).Ejecutado("1.1.1.2", ejecutado).Build();

    /// <summary>Uploads at <paramref name="at"/> (the clock moves there: the blob's version says it arrived then).</summary>
    protected async Task<BlobClient> UploadAtAsync(DateTimeOffset at, string file, byte[] content, string unit = "GT")
    {
        Clock.SetUtcNow(at);
        return await Host.UploadAsync($"{unit}/{Q3}/{file}", content);
    }

    /// <summary>Uploads at <paramref name="at"/> and ingests it at once.</summary>
    protected async Task<IngestionResult> IngestAtAsync(DateTimeOffset at, string file, byte[] content, string unit = "GT") =>
        await Host.IngestAsync(await UploadAtAsync(at, file, content, unit));

    protected async Task<LockChange> ReopenAtAsync(DateTimeOffset at, int days = 7, string unit = "GT", string reason = "cambio de punto focal")
    {
        Clock.SetUtcNow(at);
        return await Locks.ReopenAsync(new ReopenRequest(unit, Q3, days, reason, "Ana Pérez (ST)"), default);
    }

    public void Dispose()
    {
        Host.Dispose();
        Directory.Delete(_outbox, recursive: true);
        GC.SuppressFinalize(this);
    }
}
