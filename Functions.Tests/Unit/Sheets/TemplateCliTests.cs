using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Tests.Unit.Sheets;

/// <summary><c>serverlessplan template</c> end to end through <see cref="CliApp"/>, with the real catalog from DI.</summary>
public sealed class TemplateCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("template-cli");

    private static (PlanCatalog Catalog, ReportingUnit Country) Real() =>
        (PlanLoader.LoadEmbedded("2020-2022"), ReportingUnitsLoader.LoadEmbedded().Countries.First());

    [Fact]
    public async Task Writes_a_template_and_exits_0()
    {
        var (catalog, country) = Real();
        var path = Path.Combine(_dir.FullName, "t.xlsx");
        var period = $"{catalog.FirstYear}-Q3";
        var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["template", "--unit", country.Code, "--period", period, "--out", path], stdout, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(path, stdout.ToString().Trim());
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheet(TemplateLayout.ReportSheet(country.Language));
        var rows = ws.Column(TemplateLayout.CodeColumn).CellsUsed().Count(c => c.Address.RowNumber >= TemplateLayout.FirstDataRow);
        Assert.Equal(catalog.ActivitiesFor(country).Count, rows);
    }

    [Theory]
    [InlineData("--unit", "XX", "--period", "{first}-Q3", "--out", "OUT")]
    [InlineData("--unit", "{unit}", "--period", "{first}-Q5", "--out", "OUT")]
    [InlineData("--unit", "{unit}", "--period", "{first}Q3", "--out", "OUT")]
    [InlineData("--unit", "{unit}", "--period", "{after}-Q1", "--out", "OUT")]
    [InlineData("--unit", "{unit}", "--period", "{first}-Q3", "--out", "OUT", "--lang", "fr")]
    [InlineData("--unit", "{unit}", "--period", "{first}-Q3")]
    public async Task Exits_2_with_a_message_for_each_bad_argument(params string[] args)
    {
        var (catalog, country) = Real();
        var path = Path.Combine(_dir.FullName, "never.xlsx");
        var words = args.Select(a => a
            .Replace("{unit}", country.Code)
            .Replace("{first}", catalog.FirstYear.ToString(CultureInfo.InvariantCulture))
            .Replace("{after}", (catalog.LastYear + 1).ToString(CultureInfo.InvariantCulture))
            .Replace("OUT", path));
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["template", .. words], TextWriter.Null, stderr);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: ", stderr.ToString());
        Assert.False(File.Exists(path));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
