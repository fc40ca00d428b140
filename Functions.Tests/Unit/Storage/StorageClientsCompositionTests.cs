using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Storage;

/// <summary>Both forms of the <c>PlanStorage</c> connection give working clients; no request is made to build them.</summary>
public sealed class StorageClientsCompositionTests
{
    [Fact]
    public void Reads_a_plain_PlanStorage_value_as_a_connection_string()
    {
        using var services = Compose(("PlanStorage", "UseDevelopmentStorage=true"));

        Assert.Equal("devstoreaccount1", services.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", services.GetRequiredService<TableServiceClient>().AccountName);
    }

    [Fact]
    public void Reads_the_Functions_identity_form_with_service_uris_and_a_managed_identity()
    {
        using var services = Compose(
            ("PlanStorage:blobServiceUri", "https://stplan.blob.core.windows.net"),
            ("PlanStorage:tableServiceUri", "https://stplan.table.core.windows.net"),
            ("PlanStorage:credential", "managedidentity"),
            ("PlanStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var blobs = services.GetRequiredService<BlobServiceClient>();
        var tables = services.GetRequiredService<TableServiceClient>();
        Assert.Equal(new Uri("https://stplan.blob.core.windows.net"), blobs.Uri);
        Assert.Equal("stplan", blobs.AccountName);
        Assert.Equal("stplan", tables.AccountName);
        // A token credential, not a shared key: shared-key access is off in Azure.
        Assert.False(blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Registers_each_client_once_as_a_singleton()
    {
        using var services = Compose(("PlanStorage", "UseDevelopmentStorage=true"));

        Assert.Same(services.GetRequiredService<BlobServiceClient>(), services.GetRequiredService<BlobServiceClient>());
    }

    private static ServiceProvider Compose(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }
}
