using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Support;

/// <summary>Stores over Azurite behind a prefix of their own, so each test has its own tables and containers.</summary>
public sealed class TestStorage
{
    /// <param name="versionIds">
    /// Blob reads and writes through <see cref="Blobs"/> carry version ids, as in a versioning-enabled Azure account
    /// (<see cref="BlobVersionIdPolicy"/>); without it they have none, as with Azurite or versioning off.
    /// </param>
    /// <param name="arrivals">The clock the version ids are stamped with (the system clock by default): it sets when uploads arrive.</param>
    public TestStorage(AzuriteFixture azurite, bool versionIds = false, TimeProvider? arrivals = null)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        Layout = new StorageLayout(Prefix);
        if (versionIds || arrivals is not null)
        {
            var options = new BlobClientOptions();
            options.AddPolicy(new BlobVersionIdPolicy(arrivals), Azure.Core.HttpPipelinePosition.PerCall);
            Blobs = new BlobServiceClient(azurite.ConnectionString, options);
        }
        else
        {
            Blobs = azurite.Blobs();
        }
        Tables = azurite.Tables();
        ConnectionString = azurite.ConnectionString;
    }

    public string Prefix { get; }
    public StorageLayout Layout { get; }
    public BlobServiceClient Blobs { get; }
    public TableServiceClient Tables { get; }
    public string ConnectionString { get; }

    public SubmissionStore Submissions() => new(Tables, Layout, NullLogger<SubmissionStore>.Instance);
    public ProgressStore Progress() => new(Tables, Layout, NullLogger<ProgressStore>.Instance);
    public ArchiveStore Archive() => new(Blobs, Layout, NullLogger<ArchiveStore>.Instance);
    public PeriodLockStore Locks() => new(Tables, Layout);
    public ArrivalLog Arrivals() => new(Tables, Layout, Submissions());

    /// <summary>Every entity of a table under this test's prefix (none when the table was never created).</summary>
    public async Task<List<TableEntity>> AllAsync(Func<StorageLayout, string> table)
    {
        var client = Tables.GetTableClient(table(Layout));
        var result = new List<TableEntity>();
        try
        {
            await foreach (var e in client.QueryAsync<TableEntity>()) result.Add(e);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
        return result;
    }

    /// <summary>
    /// Settings for a DI container (CLI, composition tests) that target this test's storage. Quarters never lock
    /// (<c>Reports:LockGraceDays</c> -1): the suite's sheets are of 2021 quarters, uploaded at today's date; the tests
    /// about locks set the grace they test (or remove the key: the default).
    /// </summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["PlanStorage"] = ConnectionString,
        ["Storage:Prefix"] = Prefix,
        ["Reports:LockGraceDays"] = NeverLock,
    };

    /// <summary><c>Reports:LockGraceDays</c> for quarters that never lock.</summary>
    public const string NeverLock = "-1";
}
