using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Integration.Reports;

[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class MergedWorkbookTests(AzuriteFixture azurite)
{
    private static readonly string[] ExpectedSheets = ["Resumen", "Matriz", "Unidades × actividades", "Envíos", "Tendencias", "Datos"];

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
        Assert.Equal($"A1:Q{TotalRows + 1}", data.AutoFilter.Range.RangeAddress.ToString());
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
    public async Task Data_sheet_has_a_row_for_every_expected_unit_and_activity_with_labels_codes_and_numbers()
    {
        var (stream, _) = await WriteAsync();
        using var workbook = new XLWorkbook(stream);
        var data = workbook.Worksheet("Datos");
        var rows = DataRows(data).Where(r => r["Periodo"] == Q3.ToString()).ToList();

        // BZ sent only a rejected sheet: its four activities are there, without a submission, as "sin informe".
        var belize = rows.Where(r => r["Unidad"] == "BZ").ToList();
        Assert.Equal(4, belize.Count);
        Assert.All(belize, r => Assert.Equal(("sin informe", "NoSubmission", ""), (r["Estado"], r["Código de estado"], r["Id del envío"])));
        // HN's sheet has no row for NotPlannedIn2021: a blank row of HN's submission stands for it.
        var hn = rows.Single(r => r["Unidad"] == "HN" && r["Actividad"] == NotPlannedIn2021);
        Assert.Equal(("", ""), (hn["Ejecutado (%)"], hn["Código de estado"]));
        Assert.NotEqual("", hn["Id del envío"]);
        // Labels in Spanish, the code beside them for scripts.
        var gtShared = rows.Single(r => r["Unidad"] == "GT" && r["Actividad"] == Shared);
        Assert.Equal(("no aplica", "NotApplicable"), (gtShared["Estado"], gtShared["Código de estado"]));
        var gtNational = rows.Single(r => r["Unidad"] == "GT" && r["Actividad"] == National);
        Assert.Equal(("en proceso", "InProgress"), (gtNational["Estado"], gtNational["Código de estado"]));

        var headers = data.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        Assert.Equal("Código de estado", data.Cell(1, headers.Count).GetString());
        foreach (var row in data.RowsUsed().Skip(1))
        {
            foreach (var header in new[] { "Año", "Trimestre", "Eje", "Programado (%)", "Ejecutado (%)", "Subido (UTC)" })
            {
                var cell = row.Cell(headers[header]);
                Assert.True(cell.IsEmpty() || cell.DataType is XLDataType.Number or XLDataType.DateTime, $"{cell.Address} ({header}) is {cell.DataType}");
            }
            Assert.Equal(XLDataType.Number, row.Cell(headers["Eje"]).DataType);
        }
    }

    [Fact]
    public async Task No_cell_of_any_sheet_holds_a_number_as_text()
    {
        var (stream, _) = await WriteAsync();

        var cells = WorkbookReading.Cells(stream);

        // Excel flags text that reads as a number; activity codes (1.1.1.2) and labels (1.1.) do not. What a country
        // typed stays exactly as typed, even "-2".
        var numbersAsText = cells.Where(c => c.Type is "s" or "inlineStr" or "str" && IsNumber(c.Text) && !HostileTexts.Contains(c.Text)).ToList();
        Assert.True(numbersAsText.Count == 0, string.Join("\n", numbersAsText.Select(c => $"{c.Sheet}!{c.Reference}: «{c.Text}»")));
    }

    [Fact]
    public async Task Every_sheet_prints_landscape_one_page_wide_with_its_header_rows_repeated()
    {
        var (stream, _) = await WriteAsync(maxRowsPerSheet: 20);
        using var workbook = new XLWorkbook(stream);

        var titles = new Dictionary<string, (int First, int Last)>
        {
            ["Resumen"] = (1, 2), ["Matriz"] = (3, 3), ["Unidades × actividades"] = (1, 1), ["Envíos"] = (1, 1), ["Tendencias"] = (1, 1),
            ["Datos"] = (1, 1), ["Datos 2"] = (1, 1), ["Datos 3"] = (1, 1),
        };
        Assert.Equal(titles.Keys.Order(), workbook.Worksheets.Select(w => w.Name).Order());
        foreach (var (name, (first, last)) in titles)
        {
            var page = workbook.Worksheet(name).PageSetup;
            Assert.True(XLPageOrientation.Landscape == page.PageOrientation, $"{name} is not landscape");
            Assert.True((1, 0) == (page.PagesWide, page.PagesTall), $"{name} is not one page wide");
            Assert.True((first, last) == (page.FirstRowToRepeatAtTop, page.LastRowToRepeatAtTop), $"{name} repeats rows {page.FirstRowToRepeatAtTop}–{page.LastRowToRepeatAtTop}");
        }
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
        var (stream, summary) = await WriteAsync(maxRowsPerSheet: 20);

        using var workbook = new XLWorkbook(stream);
        Assert.Equal([.. ExpectedSheets, "Datos 2", "Datos 3"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(3, summary.DataSheets);
        var perSheet = new[] { "Datos", "Datos 2", "Datos 3" }.Select(n => workbook.Worksheet(n)).ToList();
        Assert.Equal([20, 20, TotalRows - 40], perSheet.Select(ws => DataRows(ws).Count()));
        Assert.All(perSheet, ws =>
        {
            Assert.Equal("Periodo", ws.Cell(1, 1).GetString());
            Assert.Equal(1, ws.SheetView.SplitRow);
            Assert.True(ws.AutoFilter.IsEnabled);
        });
        // Periods stay in order across the split: the oldest first, the selected period last.
        Assert.Equal("2020-Q4", perSheet[0].Cell(2, 1).GetString());
        Assert.Equal(Q3.ToString(), perSheet[2].Cell(TotalRows - 40 + 1, 1).GetString());
    }

    [Fact]
    public async Task Matrix_shows_the_recorded_ejecutado_beside_the_computed_regional_one_both_labelled()
    {
        var (stream, _) = await WriteAsync();
        using var workbook = new XLWorkbook(stream);
        var matrix = workbook.Worksheet("Matriz");

        Assert.Equal("Plan Operativo de prueba / Test operational plan", matrix.Cell(1, 1).GetString());
        var headers = matrix.Row(3).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var recorded = headers["Ejecutado 2020 (%) — registrado en la matriz"];
        var computed = headers["Ejecutado 2021 (%) — regional al 3.er trimestre de 2021, calculado"];
        Assert.Contains("Ejecutado 2021 (%) — registrado en la matriz", headers.Keys);
        var row = matrix.Column(2).CellsUsed().Single(c => c.GetString().StartsWith("1.1. ", StringComparison.Ordinal)).WorksheetRow();
        Assert.Equal(65, row.Cell(computed).GetDouble(), 9); // (60 + 70) / 2
        Assert.Equal((2, 3), ((int)row.Cell(computed + 1).GetDouble(), (int)row.Cell(computed + 2).GetDouble()));
        Assert.Equal(XLColor.FromHtml("#FFF2CC"), row.Cell(computed).Style.Fill.BackgroundColor);
        Assert.True(row.Cell(recorded).IsEmpty()); // the test plan records no ejecutado

        // The real plan's matrix records 1.3's ejecutado (2021: 100 %); it stays beside the computed value.
        var real = RealPlan.Catalog;
        var recordedValues = real.Activities.Where(a => a.Years.Any(y => y.Ejecutado is not null)).ToList();
        Assert.Contains(recordedValues, a => a.Code == "1.1.1.4" && a.ForYear(2021)!.Ejecutado == 100m);
    }

    [Fact]
    public async Task The_real_plans_recorded_ejecutado_appears_in_the_matrix_and_the_title_is_not_doubled()
    {
        var storage = new TestStorage(azurite);
        var catalog = RealPlan.Catalog;
        var due = new DateTimeOffset(2021, 10, 31, 0, 0, 0, TimeSpan.Zero);
        await ReportStorage.SubmitAsync(storage, "GT", Q3, due.AddDays(-3),
            [new Core.Storage.ProgressRow { Unit = "GT", Period = Q3.ToString(), Year = 2021, Activity = "1.1.1.4", Programado = 100, Ejecutado = 40, Status = "InProgress" }]);
        var service = ReportStorage.Service(storage, out _, catalog: catalog, units: RealPlan.Units);
        using var output = new MemoryStream();
        await service.WriteAsync(Q3, output, default);
        output.Position = 0;
        using var workbook = new XLWorkbook(output);
        var matrix = workbook.Worksheet("Matriz");

        Assert.Equal("Matriz del Plan Operativo 2020-2022 / Operational Plan Matrix 2020-2022", matrix.Cell(1, 1).GetString());
        var headers = matrix.Row(3).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var row = matrix.Column(2).CellsUsed().Single(c => c.GetString().StartsWith("1.3. ", StringComparison.Ordinal)).WorksheetRow();
        Assert.Equal(100, row.Cell(headers["Ejecutado 2021 (%) — registrado en la matriz"]).GetDouble());
        Assert.Equal(0, row.Cell(headers["Ejecutado 2020 (%) — registrado en la matriz"]).GetDouble());
        Assert.Equal(40, row.Cell(headers["Ejecutado 2021 (%) — regional al 3.er trimestre de 2021, calculado"]).GetDouble());
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ||
        double.TryParse(text, NumberStyles.Float, CultureInfo.GetCultureInfo("es-ES"), out _);

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
