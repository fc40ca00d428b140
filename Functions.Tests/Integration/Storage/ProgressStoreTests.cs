using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ProgressStoreTests(AzuriteFixture azurite)
{
    private static List<ProgressEntity> Rows(int count, double ejecutado) => Enumerable.Range(1, count)
        .Select(i => new ProgressEntity { Unit = "GT", Period = "2021-Q3", Year = 2021, Activity = $"9.9.9.{i}", Ejecutado = ejecutado })
        .ToList();

    [Fact]
    public async Task Writes_more_rows_than_one_transaction_holds_and_reads_them_back()
    {
        var progress = new TestStorage(azurite).Progress();

        await progress.WriteAsync("2021-Q3|GT", "sub1", Rows(250, 40), default);

        var read = await progress.ReadAsync("2021-Q3|GT", "sub1", default);
        Assert.Equal(250, read.Count);
        Assert.All(read, r => Assert.Equal(40, r.Ejecutado));
    }

    [Fact]
    public async Task Rows_of_different_submissions_do_not_mix_and_rewrites_are_idempotent()
    {
        var progress = new TestStorage(azurite).Progress();
        await progress.WriteAsync("2021-Q3|GT", "sub1", Rows(3, 10), default);
        await progress.WriteAsync("2021-Q3|GT", "sub2", Rows(3, 90), default);
        await progress.WriteAsync("2021-Q3|GT", "sub2", Rows(3, 90), default);

        Assert.All(await progress.ReadAsync("2021-Q3|GT", "sub1", default), r => Assert.Equal(10, r.Ejecutado));
        var second = await progress.ReadAsync("2021-Q3|GT", "sub2", default);
        Assert.Equal(3, second.Count);
        Assert.All(second, r => Assert.Equal(90, r.Ejecutado));
    }
}
