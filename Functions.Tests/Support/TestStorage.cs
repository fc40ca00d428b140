using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Support;

/// <summary>Stores over Azurite behind a prefix of their own, so each test has its own tables and containers.</summary>
public sealed class TestStorage
{
    public TestStorage(AzuriteFixture azurite)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        Layout = new StorageLayout(Prefix);
        Blobs = azurite.Blobs();
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

    /// <summary>Settings for a DI container (CLI, composition tests) that target this test's storage.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["PlanStorage"] = ConnectionString,
        ["Storage:Prefix"] = Prefix,
    };
}
