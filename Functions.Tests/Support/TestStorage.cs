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
    public TestStorage(AzuriteFixture azurite, bool versionIds = false)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        Layout = new StorageLayout(Prefix);
        if (versionIds)
        {
            var options = new BlobClientOptions();
            options.AddPolicy(new BlobVersionIdPolicy(), Azure.Core.HttpPipelinePosition.PerCall);
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

    /// <summary>Settings for a DI container (CLI, composition tests) that target this test's storage.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["PlanStorage"] = ConnectionString,
        ["Storage:Prefix"] = Prefix,
    };
}
