using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;
using ServerlessPlan.Core.Reports.MergedWorkbook;

namespace ServerlessPlan.Tests.Integration.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class MergedWorkbookTests(AzuriteFixture azurite)
{
    private static readonly string[] ExpectedSheets = ["Resumen", "Matriz", "Unidades × actividades", "Envíos", "Datos"];

    private async Task<(MemoryStream Workbook, WorkbookSummary Summary)> WriteAsync(int? maxRowsPerSheet = null)
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);
        var service = ReportStorage.Service(storage, out var writer);
        if (maxRowsPerSheet is { } max) writer.MaxRowsPerDataSheet = max;
        var output = new MemoryStream();
        var summary = await service.WriteAsync(Q3, output, default);
        Assert.NotNull(summary);
        output.Position = 0;
        return (output, summary);
    }

    [Fact]
    public async Task Workbook_has_every_sheet_with_frozen_headers_and_filters()
    {
        var (stream, summary) = await WriteAsync();

        using var workbook = new XLWorkbook(stream);
        Assert.Equal(ExpectedSheets, workbook.Worksheets.Select(w => w.Name));
        foreach (var name in ExpectedSheets.Skip(1))
        {
            var ws = workbook.Worksheet(name);
            Assert.True(ws.SheetView.SplitRow >= 1, $"{name} has no frozen header");
            Assert.True(ws.AutoFilter.IsEnabled, $"{name} has no auto-filter");
        }
        Assert.Equal(2, workbook.Worksheet("Resumen").SheetView.SplitRow);
        Assert.True(workbook.Worksheet("Resumen").AutoFilter.IsEnabled);

        var data = workbook.Worksheet("Datos");
        Assert.Equal("A1:P14", data.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(1, data.SheetView.SplitRow);
        Assert.Equal(TotalRows, summary.DataRows);
        Assert.Equal(1, summary.DataSheets);
        Assert.Equal((3, 4), (summary.UnitsReported, summary.UnitsExpected));
    }

    [Fact]
    public async Task Package_is_valid_open_xml_where_the_data_sheets_were_appended()
    {
        var (stream, _) = await WriteAsync(maxRowsPerSheet: 5);

        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016)
            .Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Summary_figures_equal_a_recomputation_from_the_data_sheet()
    {
        var (stream, _) = await WriteAsync();
        using var workbook = new XLWorkbook(stream);
        var rows = DataRows(workbook.Worksheet("Datos")).Where(r => r["Periodo"] == Q3.ToString()).ToList();

        // The rules, applied to the data sheet alone.
        var activities = rows
            .GroupBy(r => r["Actividad"])
            .Select(g => (
                Code: g.Key,
                Axis: g.First()["Eje"],
                Programado: Number(g.First()["Programado (%)"]),
                Values: g.Where(r => r["Estado"] != "NotApplicable" && r["Ejecutado (%)"] != "").Select(r => Number(r["Ejecutado (%)"])!.Value).ToList()))
            .ToList();
        var regional = activities.Where(a => a.Values.Count > 0).ToDictionary(a => a.Code, a => a.Values.Average());

        var summary = workbook.Worksheet("Resumen");
        foreach (var axis in new[] { "1", "2", SummarySheet.TotalLabel })
        {
            var counted = activities.Where(a => (axis == SummarySheet.TotalLabel || a.Axis == axis) && a.Programado > 0 && a.Values.Count > 0).ToList();
            var meanEjecutado = counted.Average(a => a.Values.Average());
            var meanProgramado = counted.Average(a => a.Programado!.Value);
            var row = summary.Column(1).CellsUsed().Single(c => c.GetString() == axis).WorksheetRow();
            Assert.Equal(meanEjecutado, row.Cell(3).GetDouble(), 9);
            Assert.Equal(meanProgramado, row.Cell(4).GetDouble(), 9);
            Assert.Equal(meanEjecutado / meanProgramado * 100, row.Cell(5).GetDouble(), 9);
            Assert.StartsWith($"{counted.Count} de ", row.Cell(6).GetString());
            Assert.Equal("0.0", row.Cell(5).Style.NumberFormat.Format);
        }

        var grid = workbook.Worksheet("Unidades × actividades");
        var regionalColumn = grid.Row(1).CellsUsed().Single(c => c.GetString().StartsWith("Regional", StringComparison.Ordinal)).Address.ColumnNumber;
        foreach (var row in grid.RowsUsed().Skip(1))
        {
            var code = row.Cell(2).GetString();
            if (regional.TryGetValue(code, out var expected)) Assert.Equal(expected, row.Cell(regionalColumn).GetDouble(), 9);
            else Assert.True(row.Cell(regionalColumn).IsEmpty(), $"{code} should have no regional value");
        }

        var units = rows.Select(r => r["Unidad"]).Distinct().Count();
        Assert.Equal($"{units} de 4", summary.Column(3).CellsUsed().First(c => c.GetString().EndsWith(" de 4", StringComparison.Ordinal)).GetString());
    }

    [Fact]
    public async Task Summary_flags_late_missing_and_rejected_only_units_with_their_dates()
    {
        var (stream, _) = await WriteAsync();
        using var workbook = new XLWorkbook(stream);
        var summary = workbook.Worksheet("Resumen");

        string StatusOf(string unit) => summary.Column(1).CellsUsed().Single(c => c.GetString() == unit).WorksheetRow().Cell(3).GetString();
        Assert.Equal("A tiempo", StatusOf("GT"));
        Assert.Equal("Tarde", StatusOf("HN"));
        Assert.Equal("Solo rechazadas", StatusOf("BZ"));
        Assert.Equal("A tiempo", StatusOf("ST"));
        var gt = summary.Column(1).CellsUsed().Single(c => c.GetString() == "GT").WorksheetRow();
        Assert.Equal(new DateTime(2021, 10, 11), gt.Cell(4).GetDateTime());
        Assert.Equal(new DateTime(2021, 11, 3), gt.Cell(5).GetDateTime());
        Assert.Contains(summary.ConditionalFormats, f => f.Range.FirstCell().Address.ColumnNumber == 3);

        var submissions = workbook.Worksheet("Envíos");
        var statuses = submissions.RowsUsed().Skip(1).Select(r => (r.Cell(1).GetString(), r.Cell(7).GetString(), r.Cell(8).GetString())).ToList();
        Assert.Contains(("GT", "Reemplazado", "No"), statuses);
        Assert.Contains(("GT", "Vigente", "Sí"), statuses);
        Assert.Contains(("BZ", "Rechazado", "No"), statuses);
    }

    [Fact]
    public async Task Hostile_country_text_arrives_as_inert_text()
    {
        var (stream, _) = await WriteAsync();

        var cells = WorkbookReading.Cells(stream);

        Assert.DoesNotContain(cells, c => c.HasFormula);
        foreach (var hostile in HostileTexts)
        {
            var found = cells.Where(c => c.Text == hostile).ToList();
            Assert.Contains(found, c => c.Sheet == "Datos");
            Assert.All(found, c => Assert.Contains(c.Type, new[] { "s", "inlineStr", "str" }));
        }
        Assert.Contains(cells, c => c.Sheet == "Envíos" && c.Text == HostileTexts[0]);
        Assert.Contains(cells, c => c.Sheet == "Envíos" && c.Text == HostileTexts[1]);
        Assert.Contains(cells, c => c.Sheet == "Envíos" && c.Text == HostileTexts[3]);
        Assert.Contains(cells, c => c.Sheet == "Resumen" && c.Text == HostileTexts[0]);
    }

    [Fact]
    public async Task Data_rows_beyond_the_per_sheet_limit_continue_on_numbered_sheets()
    {
        var (stream, summary) = await WriteAsync(maxRowsPerSheet: 5);

        using var workbook = new XLWorkbook(stream);
        Assert.Equal([.. ExpectedSheets, "Datos 2", "Datos 3"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(3, summary.DataSheets);
        var perSheet = new[] { "Datos", "Datos 2", "Datos 3" }.Select(n => workbook.Worksheet(n)).ToList();
        Assert.Equal([5, 5, 3], perSheet.Select(ws => DataRows(ws).Count()));
        Assert.All(perSheet, ws =>
        {
            Assert.Equal("Periodo", ws.Cell(1, 1).GetString());
            Assert.Equal(1, ws.SheetView.SplitRow);
            Assert.True(ws.AutoFilter.IsEnabled);
        });
        // Periods stay in order across the split: the oldest first, the selected period last.
        Assert.Equal("2020-Q4", perSheet[0].Cell(2, 1).GetString());
        Assert.Equal(Q3.ToString(), perSheet[2].Cell(4, 1).GetString());
    }

    [Fact]
    public async Task Matrix_puts_the_regional_value_to_date_in_the_period_year_column()
    {
        var (stream, _) = await WriteAsync();
        using var workbook = new XLWorkbook(stream);
        var matrix = workbook.Worksheet("Matriz");

        var header = matrix.Row(3).CellsUsed().Single(c => c.GetString().Contains("regional al 2021-Q3", StringComparison.Ordinal));
        var row = matrix.Column(2).CellsUsed().Single(c => c.GetString().StartsWith("1.1. ", StringComparison.Ordinal)).WorksheetRow();
        var value = row.Cell(header.Address.ColumnNumber);
        Assert.Equal(65, value.GetDouble(), 9); // (60 + 70) / 2
        Assert.Equal(XLColor.FromHtml("#FFF2CC"), value.Style.Fill.BackgroundColor);
    }

    [Fact]
    public async Task A_period_without_accepted_submissions_writes_nothing()
    {
        var storage = new TestStorage(azurite);
        await ReportStorage.RejectAsync(storage, "GT", Q3, new DateTimeOffset(2021, 10, 2, 0, 0, 0, TimeSpan.Zero));
        var service = ReportStorage.Service(storage, out _);
        using var output = new MemoryStream();

        Assert.Null(await service.WriteAsync(Q3, output, default));
        Assert.Equal(0, output.Length);
    }

    internal static IEnumerable<Dictionary<string, string>> DataRows(IXLWorksheet sheet)
    {
        var headers = sheet.Row(1).CellsUsed().ToDictionary(c => c.Address.ColumnNumber, c => c.GetString());
        foreach (var row in sheet.RowsUsed().Skip(1))
            yield return headers.ToDictionary(h => h.Value, h => row.Cell(h.Key).GetString());
    }

    private static double? Number(string text) =>
        text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
