using ServerlessPlan.Tests.Support;
namespace ServerlessPlan.Tests.Integration.Storage;

[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class AzuriteSmokeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Azurite_serves_blobs_and_tables()
    {
        var container = azurite.Blobs().GetBlobContainerClient(AzuriteFixture.UniqueName("smoke"));
        await container.CreateAsync();
        await container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("hola"));
        var text = (await container.GetBlobClient("a.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal("hola", text);

        var table = azurite.Tables().GetTableClient("smoke" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["V"] = 1 });
        Assert.Equal(1, (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r")).Value.GetInt32("V"));
    }
}
