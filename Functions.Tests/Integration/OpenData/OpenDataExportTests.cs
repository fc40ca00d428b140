using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.OpenData;

/// <summary>
/// <c>export</c> over the workbook's seed (docs/data.md): every file keeps its <c>datapackage.json</c>, and every figure
/// of the package equals the merged workbook's for the same instant — <i>Datos</i> row for row, coverage and
/// timeliness unit for unit.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class OpenDataExportTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("open-data");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<(TestStorage Storage, string Dir)> ExportAsync(params string[] args)
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var dir = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N"));
        var (exit, output, error) = await ReportCli.RunAsync(storage, null, ["export", .. args, "--out", dir]);
        Assert.True(exit == ExitCodes.Ok, error + output);
        return (storage, dir);
    }

    private static async Task<List<DatosRow>> DatosAsync(TestStorage storage)
    {
        var stream = new MemoryStream();
        Assert.NotNull(await ReportStorage.Service(storage, out _, lockGraceDays: 15).WriteAsync(Q3, stream, default));
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        return DatosOracle.Read(workbook);
    }

    /// <summary>Each package row against the Datos row of the same quarter, unit and activity: the same values, nothing more, nothing less.</summary>
    private static void AssertSameRows(IEnumerable<DatosRow> datos, DataPackageCheck.Table progress)
    {
        var expected = datos.OrderBy(r => r.Period).ThenBy(r => r.Unit).ThenBy(r => r.Activity).ToList();
        var actual = progress.Records.OrderBy(r => r["period"]).ThenBy(r => r["unit_code"]).ThenBy(r => r["activity_code"]).ToList();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (d, p) in expected.Zip(actual))
        {
            Assert.Equal((d.Period, d.Unit, d.Activity, d.Axis.ToString(CultureInfo.InvariantCulture)),
                (p["period"], p["unit_code"], p["activity_code"], p["axis_code"]));
            Assert.Equal(d.Programado, Number(p["programado"]));
            Assert.Equal(d.Ejecutado, Number(p["ejecutado_recorded"]));
            // Counted: the Datos oracle's own reading of the rules (a number, not "no aplica").
            Assert.Equal(d.Counts ? d.Ejecutado : null, Number(p["ejecutado_counted"]));
            Assert.Equal(d.NotApplicable, p["not_applicable"] == "true");
            Assert.Equal(d.StatusCode is "" or "NoSubmission" ? null : d.StatusCode, p["status"]);
            Assert.Equal(d.HasSheet ? d.SubmissionId : null, p["submission_id"]);
        }
    }

    private static string? Unescaped(string? csv) => csv is ['\'', '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? csv[1..] : csv;

    private static double? Number(string? text) => text is null ? null : double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Export_writes_every_table_and_a_datapackage_they_all_keep()
    {
        var (_, dir) = await ExportAsync("--period", "2021-Q3");

        Assert.Equal(["activities.csv", "coverage.csv", "datapackage.json", "progress.csv", "submissions.csv", "units.csv"],
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var tables = await DataPackageCheck.ReadAsync(dir);
        Assert.Empty(DataPackageCheck.Problems(tables));
        using var descriptor = DataPackageCheck.Descriptor(dir);
        Assert.Equal("1.0.0", descriptor.RootElement.GetProperty("schemaVersion").GetString());
        Assert.Equal("2021-Q3", descriptor.RootElement.GetProperty("scope").GetString());
        var status = descriptor.RootElement.GetProperty("resources")[0].GetProperty("schema").GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "ejecutado_counted");
        Assert.Equal("number", status.GetProperty("type").GetString());
        Assert.Equal("Ejecutado contado (%)", status.GetProperty("labels").GetProperty("es").GetString());
        // No e-mail address anywhere in the package.
        Assert.DoesNotContain(Directory.GetFiles(dir).SelectMany(File.ReadAllLines), line => line.Contains('@') && line.Contains(".org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_of_a_quarter_equals_the_workbooks_Datos_for_that_quarter()
    {
        var (storage, dir) = await ExportAsync("--period", "2021-Q3");

        var tables = await DataPackageCheck.ReadAsync(dir);
        var datos = await DatosAsync(storage);
        AssertSameRows(datos.Where(r => r.Period == Q3.ToString()), tables["progress"]);
        // Text a spreadsheet would run as a formula gets the CSV injection escape, a leading apostrophe, and nothing else.
        Assert.Contains(tables["progress"].Records, r => r["observations"] == "'" + HostileTexts[0]);
    }

    [Fact]
    public async Task Progress_of_all_quarters_equals_every_Datos_row_of_the_plans_workbook()
    {
        var (storage, dir) = await ExportAsync("--all");

        var tables = await DataPackageCheck.ReadAsync(dir);
        Assert.Empty(DataPackageCheck.Problems(tables));
        var datos = await DatosAsync(storage);
        Assert.Equal(TotalRows, datos.Count);
        AssertSameRows(datos, tables["progress"]);
        // Every column Datos has, the arrival, quantity, observations and evidence included.
        var stream = new MemoryStream();
        Assert.NotNull(await ReportStorage.Service(storage, out _, lockGraceDays: 15).WriteAsync(Q3, stream, default));
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        PackageAgainstDatos.AssertSame(workbook, tables["progress"]);
    }

    [Fact]
    public async Task Coverage_and_timeliness_equal_the_workbooks_figures()
    {
        var (storage, dir) = await ExportAsync("--all");

        var tables = await DataPackageCheck.ReadAsync(dir);
        var (figures, _) = await ReportStorage.Service(storage, out _, lockGraceDays: 15).CalculateAsync(Q3, default);
        var coverage = tables["coverage"].Records.Single(r => r["period"] == Q3.ToString());
        Assert.Equal(figures.UnitsExpected.ToString(CultureInfo.InvariantCulture), coverage["units_expected"]);
        Assert.Equal(figures.UnitsReported.ToString(CultureInfo.InvariantCulture), coverage["units_reported"]);
        Assert.Equal(string.Join(';', figures.MissingUnits.Select(u => u.Unit.Code)), coverage["missing_units"]);
        Assert.Equal(figures.Count(SubmissionTimeliness.OnTime).ToString(CultureInfo.InvariantCulture), coverage["units_on_time"]);
        Assert.Equal(figures.Count(SubmissionTimeliness.Late).ToString(CultureInfo.InvariantCulture), coverage["units_late"]);
        foreach (var unit in figures.Units)
        {
            var rows = tables["progress"].Records.Where(r => r["period"] == Q3.ToString() && r["unit_code"] == unit.Unit.Code).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(unit.Timeliness.ToString(), r["timeliness"]));
            Assert.All(rows, r => Assert.Equal(unit.CurrentUploadedAt, r["received_at"] is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null));
        }

        // Every upload is listed with its outcome, the rejected one too; a quarter that opened with no upload says who is missing.
        var submissions = tables["submissions"].Records.Where(r => r["period"] == Q3.ToString()).ToList();
        Assert.Equal(5, submissions.Count);
        Assert.Equal(["Current", "Current", "Current", "Rejected", "Superseded"], submissions.Select(s => s["status"]).Order(StringComparer.Ordinal));
        Assert.Contains(tables["coverage"].Records, r => r["period"] == "2021-Q1" && r["units_reported"] == "0" && r["units_missing"] == r["units_expected"]);
    }

    [Fact]
    public async Task Parquet_reads_back_with_the_csvs_values_and_types()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var csv = Path.Combine(_dir.FullName, "csv");
        var parquet = Path.Combine(_dir.FullName, "parquet");
        Assert.Equal(ExitCodes.Ok, (await ReportCli.RunAsync(storage, null, "export", "--all", "--out", csv)).Exit);
        Assert.Equal(ExitCodes.Ok, (await ReportCli.RunAsync(storage, null, "export", "--all", "--format", "parquet", "--out", parquet)).Exit);

        var fromCsv = await DataPackageCheck.ReadAsync(csv);
        var fromParquet = await DataPackageCheck.ReadAsync(parquet);
        Assert.Empty(DataPackageCheck.Problems(fromParquet));
        foreach (var (name, table) in fromCsv)
        {
            Assert.Equal(table.Header, fromParquet[name].Header);
            Assert.Equal(table.Rows.Count, fromParquet[name].Rows.Count);
            // Equal, but for the CSV's escape of text a spreadsheet would run as a formula: Parquet keeps it exactly.
            foreach (var (a, b) in table.Rows.Zip(fromParquet[name].Rows)) Assert.Equal(a.Select(Unescaped), b);
        }

        // Typed: numbers are doubles and integers, times are timestamps, required columns are not nullable.
        await using var file = File.OpenRead(Path.Combine(parquet, "progress.parquet"));
        await using var reader = await Parquet.ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        Assert.Equal(typeof(double), fields["ejecutado_recorded"].ClrType);
        Assert.Equal(typeof(long), fields["year"].ClrType);
        Assert.Equal(typeof(DateTime), fields["received_at"].ClrType);
        Assert.Equal(typeof(bool), fields["not_applicable"].ClrType);
        Assert.False(fields["unit_code"].IsNullable);
        Assert.True(fields["programado"].IsNullable);
    }

    [Trait(Needs.Trait, Needs.LibreOffice)]
    [Fact]
    public async Task Csv_opens_in_LibreOffice_with_numbers_typed_as_numbers_and_no_formula_run()
    {
        var (_, dir) = await ExportAsync("--all");
        var tables = await DataPackageCheck.ReadAsync(dir);

        foreach (var table in new[] { "progress", "coverage" })
        {
            var xlsx = await LibreOffice.CsvToXlsxAsync(Path.Combine(dir, table + ".csv"), Path.Combine(dir, "calc"));
            var cells = WorkbookReading.Cells(new MemoryStream(await File.ReadAllBytesAsync(xlsx)));
            Assert.DoesNotContain(cells, c => c.HasFormula);
            var header = cells.Where(c => RowOf(c.Reference) == 1).ToDictionary(c => ColumnOf(c.Reference), c => c.Text);
            var numeric = tables[table].Schema.GetProperty("fields").EnumerateArray()
                .Where(f => f.GetProperty("type").GetString() is "number" or "integer").Select(f => f.GetProperty("name").GetString()!).ToHashSet();
            var numbers = cells.Where(c => RowOf(c.Reference) > 1 && numeric.Contains(header[ColumnOf(c.Reference)])).ToList();
            Assert.NotEmpty(numbers);
            Assert.All(numbers, c => Assert.True(c.Type is null or "n", $"{table}!{c.Reference} ({header[ColumnOf(c.Reference)]}) = '{c.Text}' is {c.Type}, not a number"));
            // And the same values: each numeric cell equals the CSV's value in its row and column.
            foreach (var cell in numbers)
            {
                var csv = tables[table].Rows[RowOf(cell.Reference) - 2][tables[table].Column(header[ColumnOf(cell.Reference)])];
                Assert.Equal(double.Parse(csv!, CultureInfo.InvariantCulture), double.Parse(cell.Text, CultureInfo.InvariantCulture), 9);
            }
        }
    }

    private static int RowOf(string reference) => int.Parse(reference.AsSpan(reference.IndexOfAny("0123456789".ToCharArray())), CultureInfo.InvariantCulture);

    private static string ColumnOf(string reference) => reference[..reference.IndexOfAny("0123456789".ToCharArray())];

    [Fact]
    public async Task A_quarter_without_an_accepted_sheet_writes_nothing_and_exits_NoData()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var dir = Path.Combine(_dir.FullName, "empty");

        var (exit, output, _) = await ReportCli.RunAsync(storage, null, "export", "--period", "2021-Q1", "--out", dir);

        Assert.Equal(ExitCodes.NoData, exit);
        Assert.Contains("nothing written", output);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Theory]
    [InlineData("export", "--period", "2021-Q3")]
    [InlineData("export", "--period", "2021-Q3", "--all", "--out", "x")]
    [InlineData("export", "--all", "--format", "json", "--out", "x")]
    [InlineData("export", "--all", "--format", "xlsx", "--out", "x")]
    [InlineData("export", "--period", "2021-Q5", "--out", "x")]
    public async Task Bad_invocations_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = await ReportCli.RunAsync(new TestStorage(azurite), null, args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("usage: serverlessplan export", error);
    }
}
