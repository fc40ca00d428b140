using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class DigestCliTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("digest-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    private static Task<(int Exit, string Out, string Err)> RunAsync(TestStorage storage, Dictionary<string, string?>? extra, params string[] args) =>
        ReportCli.RunAsync(storage, extra, args);

    [Fact]
    public async Task Digest_verb_renders_the_html_to_a_file_and_prints_the_text_without_sending()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var path = Path.Combine(_dir.FullName, "digest.html");

        var (exit, output, error) = await RunAsync(storage, null, "digest", "--period", "2021-q3", "--out", path);

        Assert.True(exit == ExitCodes.Ok, error);
        var html = await File.ReadAllTextAsync(path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("Resumen del plan regional", html);
        // Completeness first: who reported, then who did not, then the figures.
        var reported = output.IndexOf("Informaron 3 de 4 unidades (países: 2 de 3; Secretaría Técnica: 1 de 1): Guatemala, Honduras y Secretaría Técnica.", StringComparison.Ordinal);
        var missing = output.IndexOf("No informó 1: Belice (solo envíos rechazados).", StringComparison.Ordinal);
        var execution = output.IndexOf("Ejecución: ", StringComparison.Ordinal);
        Assert.True(reported >= 0 && missing > reported && execution > missing, output);
        Assert.Contains("Libro consolidado adjunto: consolidado-2021-Q3.xlsx.", output);
        Assert.DoesNotContain("Sent ", output);
        await foreach (var _ in storage.Blobs.GetBlobContainersAsync(prefix: storage.Layout.Outbox))
            Assert.Fail("Rendering must not write to the outbox.");
    }

    [Fact]
    public async Task Digest_verb_with_send_writes_the_message_and_workbook_to_the_outbox_without_a_SendGrid_key()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var outbox = Path.Combine(_dir.FullName, "outbox");

        var (exit, output, error) = await RunAsync(storage, new()
        {
            ["Digest:Recipients"] = "presidencia@coalicion.example",
            ["Mail:OutboxDirectory"] = outbox,
        }, "digest", "--period", "2021-Q3", "--send");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("WrittenToOutbox", output);
        var message = Assert.Single(Directory.GetFiles(outbox, "message.json", SearchOption.AllDirectories));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(message));
        Assert.StartsWith("digest-2021-Q3-", json.RootElement.GetProperty("messageKey").GetString());
        Assert.Equal("presidencia@coalicion.example", json.RootElement.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(message)!, "attachments", "consolidado-2021-Q3.xlsx")));
    }

    [Theory]
    [InlineData("digest", "--period", "2021-Q5")]
    [InlineData("digest", "--period", "Q3-2021", "--out", "x.html")]
    [InlineData("digest", "--period", "2021-Q3", "--format", "pdf")]
    [InlineData("digest", "--period", "2021-Q3", "--send")]
    public async Task Bad_invocations_and_a_send_without_recipients_are_usage_errors(params string[] args)
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);

        var (exit, _, error) = await RunAsync(storage, null, args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("usage: serverlessplan digest", error);
    }

    [Fact]
    public async Task Without_a_period_the_verb_renders_the_quarter_the_calendar_names_not_the_last_one_uploaded()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var q4 = new Core.Plan.ReportingPeriod(2021, 4);
        var november = new DateTimeOffset(2021, 11, 15, 0, 0, 0, TimeSpan.Zero);
        await ReportStorage.SubmitAsync(storage, "GT", q4, november, [TestPlan.Row("GT", q4, TestPlan.National, 90)]);

        var (exit, output, error) = await ReportCli.RunAsync(storage, null, november, "digest");
        var (pastExit, pastOutput, _) = await ReportCli.RunAsync(storage, null, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), "digest");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Subject: Resumen del plan regional, 3.er trimestre de 2021", output);
        Assert.Equal(ExitCodes.NoData, pastExit);
        Assert.Contains("2025-Q4, outside the plan in force: nothing to digest", pastOutput);
    }

    [Fact]
    public async Task A_period_without_data_exits_NoData_and_writes_nothing()
    {
        var path = Path.Combine(_dir.FullName, "empty.html");

        var (exit, output, _) = await RunAsync(new TestStorage(azurite), null, "digest", "--period", "2021-Q3", "--out", path);

        Assert.Equal(ExitCodes.NoData, exit);
        Assert.Contains("nothing to digest", output);
        Assert.False(File.Exists(path));
    }
}
