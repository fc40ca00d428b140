using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Commands;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Sheets;

/// <summary>The <c>template</c> verb against the test plan (no host).</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("template-cmd");

    private static TemplateCommand Command() => new(TestPlan.Writer(), TestPlan.Units, new CliPlans(TestPlan.Plans, NullLogger<CliPlans>.Instance));

    [Fact]
    public async Task Writes_the_template_in_the_units_language_and_prints_its_path()
    {
        var path = Path.Combine(_dir.FullName, "bz.xlsx");
        var stdout = new StringWriter();

        var code = await Command().RunAsync(["--unit", "bz", "--period", "2021-Q3", "--out", path], stdout, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(path, stdout.ToString().Trim());
        using var wb = new XLWorkbook(path);
        Assert.True(wb.TryGetWorksheet(TemplateLayout.ReportSheetEn, out _));
    }

    [Fact]
    public async Task Lang_overrides_the_units_language()
    {
        var path = Path.Combine(_dir.FullName, "bz-es.xlsx");

        await Command().RunAsync(["--unit", "BZ", "--period", "2021-Q3", "--out", path, "--lang", "es"], TextWriter.Null, CancellationToken.None);

        using var wb = new XLWorkbook(path);
        Assert.True(wb.TryGetWorksheet(TemplateLayout.ReportSheetEs, out _));
    }

    [Theory]
    [InlineData("Unknown unit 'XX'", "--unit", "XX", "--period", "2021-Q3", "--out", "OUT")]
    [InlineData("Invalid period '2021-Q5'", "--unit", "GT", "--period", "2021-Q5", "--out", "OUT")]
    [InlineData("Invalid period '2021Q3'", "--unit", "GT", "--period", "2021Q3", "--out", "OUT")]
    [InlineData("Year 2030 is outside the plans in force", "--unit", "GT", "--period", "2030-Q1", "--out", "OUT")]
    [InlineData("Invalid language 'fr'", "--unit", "GT", "--period", "2021-Q3", "--out", "OUT", "--lang", "fr")]
    [InlineData("--lang needs a value", "--unit", "GT", "--period", "2021-Q3", "--out", "OUT", "--lang=")]
    [InlineData("--out is required", "--unit", "GT", "--period", "2021-Q3")]
    [InlineData("--unit is required", "--period", "2021-Q3", "--out", "OUT")]
    [InlineData("Unknown option: --year", "--unit", "GT", "--period", "2021-Q3", "--out", "OUT", "--year", "2021")]
    public async Task Rejects_bad_arguments_as_usage_errors_without_writing(string message, params string[] args)
    {
        var path = Path.Combine(_dir.FullName, "never.xlsx");

        var ex = await Assert.ThrowsAsync<UsageException>(() =>
            Command().RunAsync(args.Select(a => a == "OUT" ? path : a).ToList(), TextWriter.Null, CancellationToken.None));

        Assert.StartsWith(message, ex.Message);
        Assert.False(File.Exists(path));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
