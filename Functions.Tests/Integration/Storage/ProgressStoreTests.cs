using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Storage;

[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ProgressStoreTests(AzuriteFixture azurite)
{
    private static List<ProgressRow> Rows(int count, double ejecutado) => Enumerable.Range(1, count)
        .Select(i => new ProgressRow { Unit = "GT", Period = "2021-Q3", Year = 2021, Activity = $"9.9.9.{i}", Ejecutado = ejecutado })
        .ToList();

    [Fact]
    public async Task Writes_more_rows_than_one_transaction_holds_and_reads_them_back()
    {
        var storage = new TestStorage(azurite);
        var progress = storage.Progress();
        // At the validator's text limits 2,500 rows need several pages and more than one transaction.
        var rows = Rows(2500, 40);
        foreach (var r in rows) r.Observaciones = $"{r.Activity} " + new string('ó', 1990);

        await progress.WriteAsync("2021-Q3|GT", "sub1", rows, default);

        var read = await progress.ReadAsync("2021-Q3|GT", "sub1", default);
        Assert.Equal(rows.Select(r => (r.Activity, r.Observaciones)), read.Select(r => (r.Activity, r.Observaciones)));
        Assert.All(read, r => Assert.Equal(40, r.Ejecutado));
        Assert.True((await storage.AllAsync(l => l.ProgressTable)).Count > ProgressPages.PagesPerTransaction);
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
