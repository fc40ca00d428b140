using ClosedXML.Excel;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class WorkbookCliTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("workbook-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    private static Task<(int Exit, string Out, string Err)> RunAsync(TestStorage storage, params string[] args) =>
        ReportCli.RunAsync(storage, null, args);

    [Fact]
    public async Task Workbook_verb_writes_the_period_workbook_and_prints_a_summary_line()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var path = Path.Combine(_dir.FullName, "consolidado.xlsx");

        var (exit, output, error) = await RunAsync(storage, "workbook", "--period", "2021-q3", "--out", path);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("3 of 4 units reported", output);
        Assert.Contains($"{TotalRows} data rows", output);
        // The headline follows, completeness first, in the digest's language (Spanish by default).
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal("Informaron 3 de 4 unidades (países: 2 de 3; Secretaría Técnica: 1 de 1): Guatemala, Honduras y Secretaría Técnica.", lines[1]);
        Assert.Equal("No informó 1: Belice (solo envíos rechazados). Nada suyo entra en las cifras.", lines[2]);
        Assert.StartsWith("Ejecución: ", lines[3]);
        Assert.StartsWith("Si lo que falta no hubiera avanzado (1 unidad sin informe", lines[4]);
        using var workbook = new XLWorkbook(path);
        Assert.Equal("Datos", workbook.Worksheets.Last().Name);
        Assert.False(File.Exists(path + ".partial"));
    }

    [Theory]
    [InlineData("workbook", "--period", "2021-Q5", "--out", "x.xlsx")]
    [InlineData("workbook", "--period", "2021-Q3")]
    [InlineData("workbook", "--period", "2021-Q3", "--out", "x.xlsx", "--format", "csv")]
    public async Task Bad_invocations_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = await RunAsync(new TestStorage(azurite), args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("usage: serverlessplan workbook", error);
    }

    [Fact]
    public async Task Without_a_period_the_verb_writes_the_quarter_the_calendar_names()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var path = Path.Combine(_dir.FullName, "default.xlsx");

        var (exit, output, error) = await ReportCli.RunAsync(storage, null, new DateTimeOffset(2021, 11, 15, 0, 0, 0, TimeSpan.Zero),
            "workbook", "--out", path);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.StartsWith("2021-Q3:", output);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Without_a_period_past_the_plan_the_verb_exits_NoData_and_says_to_name_one()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var path = Path.Combine(_dir.FullName, "default.xlsx");

        var (exit, output, _) = await ReportCli.RunAsync(storage, null, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            "workbook", "--out", path);

        Assert.Equal(ExitCodes.NoData, exit);
        Assert.Contains("2025-Q4, outside the plan in force", output);
        Assert.Contains("--period", output);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_period_without_data_exits_NoData_and_leaves_no_file()
    {
        var path = Path.Combine(_dir.FullName, "empty.xlsx");

        var (exit, output, _) = await RunAsync(new TestStorage(azurite), "workbook", "--period", "2021-Q3", "--out", path);

        Assert.Equal(ExitCodes.NoData, exit);
        Assert.Contains("nothing written", output);
        Assert.Empty(_dir.GetFiles());
    }
}
