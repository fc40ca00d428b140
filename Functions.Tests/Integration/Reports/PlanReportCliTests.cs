using ClosedXML.Excel;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary><c>plan-report</c>: the filled plan matrix written to a file, with the CLI's exit codes (0, 2, 3).</summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Collection(AzuriteCollection.Name)]
public sealed class PlanReportCliTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2021, 11, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("plan-report-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Writes_the_matrix_and_says_which_quarter_fills_each_year()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var path = Path.Combine(_dir.FullName, "matriz.xlsx");

        var (exit, output, error) = await ReportCli.RunAsync(storage, null, Now, "plan-report", "--plan", TestPlan.PlanId, "--out", path);

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal($"Plan {TestPlan.PlanId} up to {Q3} → {path}", lines[0]);
        Assert.StartsWith($"2020: ejecutado of {Q4Of2020};", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"2021: ejecutado of {Q3} (year in progress);", lines[2], StringComparison.Ordinal);
        Assert.Equal("2022: no reports", lines[3]);
        using var workbook = new XLWorkbook(path);
        var sheet = new PlanMatrixReading(workbook, "Matriz", "Año");
        Assert.Equal(TestPlan.Catalog.Activities.Select(a => a.Code), sheet.Rows.Keys);
        Assert.False(File.Exists(path + ".partial"));

        var english = Path.Combine(_dir.FullName, "matrix.xlsx");
        (exit, _, error) = await ReportCli.RunAsync(storage, null, Now, "plan-report", "--plan", TestPlan.PlanId, "--year", "2020", "--lang", "en", "--out", english);
        Assert.True(exit == ExitCodes.Ok, error);
        using var inEnglish = new XLWorkbook(english);
        Assert.Equal(["Year 2020 (to 2020-Q4)", "Year 2021: no reports", "Year 2022: no reports"], new PlanMatrixReading(inEnglish, "Matrix", "Year").YearTitles.Values);
    }

    [Theory]
    [InlineData("plan-report", "--plan", "2099-2100", "--out", "x.xlsx")]
    [InlineData("plan-report", "--plan", "test", "--year", "2019", "--out", "x.xlsx")]
    [InlineData("plan-report", "--plan", "test", "--year", "veinte", "--out", "x.xlsx")]
    [InlineData("plan-report", "--plan", "test", "--lang", "fr", "--out", "x.xlsx")]
    [InlineData("plan-report", "--plan", "test")]
    public async Task Bad_invocations_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = await ReportCli.RunAsync(new TestStorage(azurite), null, Now, args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("usage: serverlessplan plan-report", error);
    }

    [Fact]
    public async Task Nothing_reported_is_exit_3_and_no_file()
    {
        var path = Path.Combine(_dir.FullName, "empty.xlsx");

        var (exit, output, _) = await ReportCli.RunAsync(new TestStorage(azurite), null, Now, "plan-report", "--plan", TestPlan.PlanId, "--out", path);

        Assert.Equal(ExitCodes.NoData, exit);
        Assert.Contains("nothing written", output);
        Assert.False(File.Exists(path));
    }
}
