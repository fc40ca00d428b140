using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Sheets;

public sealed class SubmissionSheetReaderTests
{
    private static readonly SubmissionSheetReader Reader = new(NullLogger<SubmissionSheetReader>.Instance);

    private static byte[] Template() => TestPlan.Writer().Write(TestPlan.Guatemala, new ReportingPeriod(2021, 3), Language.Es);

    private static SubmittedSheet ReadEdited(Action<IXLWorksheet> edit) =>
        Reader.Read(new MemoryStream(Workbooks.Edit(Template(), wb => edit(wb.Worksheet(ReportSheetEs)))));

    [Fact]
    public void Surfaces_odd_values_instead_of_throwing()
    {
        var sheet = ReadEdited(ws =>
        {
            // Excel switches a cell to a date format when a date is typed into it.
            ws.Cell(FirstDataRow, EjecutadoColumn).SetValue(new DateTime(2021, 9, 30)).Style.NumberFormat.NumberFormatId = 14;
            ws.Cell(FirstDataRow, QuantityColumn).SetValue("doce");
            ws.Cell(FirstDataRow + 1, EjecutadoColumn).SetValue("cincuenta");
            ws.Cell(FirstDataRow + 1, StatusColumn).SetValue(true);
            ws.Cell(FirstDataRow + 2, EjecutadoColumn).FormulaA1 = "=1/0";
            ws.Cell(FirstDataRow + 3, EjecutadoColumn).FormulaA1 = "=B99";
        });

        var date = sheet.Rows[0];
        Assert.Equal(SheetValueKind.DateTime, date.EjecutadoCell.Kind);
        Assert.Equal(PercentageSource.Unreadable, date.Ejecutado.Source);
        Assert.Equal("2021-09-30", date.Ejecutado.Raw);
        Assert.True(date.QuantityUnreadable);
        Assert.Equal("doce", date.QuantityCell.Text);

        Assert.Equal(new PercentageReading(null, PercentageSource.Unreadable, "cincuenta"), sheet.Rows[1].Ejecutado);
        Assert.Equal(SheetValueKind.Boolean, sheet.Rows[1].StatusCell.Kind);
        Assert.True(sheet.Rows[1].StatusUnreadable);

        // Formulas saved without a cached value (as ClosedXML does): the formula is surfaced, nothing is computed.
        Assert.True(sheet.Rows[2].EjecutadoCell.IsFormula);
        Assert.True(sheet.Rows[2].EjecutadoCell.IsEmpty);
        Assert.True(sheet.Rows[2].HasInput);
        Assert.Equal("B99", sheet.Rows[3].EjecutadoCell.Formula);
    }

    [Fact]
    public void A_cleared_number_cell_saved_as_an_empty_typed_cell_reads_as_blank()
    {
        // ClosedXML (like other tools) saves a cleared number cell as <c r="H9" t="n"/>: no value, a numeric type.
        var filled = Workbooks.Edit(Template(), wb => wb.Worksheet(ReportSheetEs).Cell(FirstDataRow, EjecutadoColumn).SetValue(40));
        var cleared = Workbooks.Edit(filled, wb => wb.Worksheet(ReportSheetEs).Cell(FirstDataRow, EjecutadoColumn).Clear(XLClearOptions.Contents));

        var row = Reader.Read(new MemoryStream(cleared)).Rows[0];

        Assert.True(row.EjecutadoCell.IsEmpty);
        Assert.Equal(PercentageReading.Empty, row.Ejecutado);
        Assert.False(row.HasInput);
    }

    [Fact]
    public void An_error_cached_by_a_formula_is_unreadable_text()
    {
        var address = $"{EjecutadoColumnLetter}{FirstDataRow}";
        var bytes = Workbooks.Edit(Template(), wb => wb.Worksheet(ReportSheetEs).Cell(address).FormulaA1 = "=1/0");
        bytes = Workbooks.SetCachedValue(bytes, ReportSheetEs, address, "#DIV/0!", isText: true);

        var row = Reader.Read(new MemoryStream(bytes)).Rows[0];

        Assert.Equal(SheetValueKind.Text, row.EjecutadoCell.Kind);
        Assert.Equal(new PercentageReading(null, PercentageSource.Unreadable, "#DIV/0!"), row.Ejecutado);
    }

    [Fact]
    public void Keeps_rows_added_below_the_activities_and_skips_blank_ones()
    {
        var sheet = ReadEdited(ws =>
        {
            ws.Cell(FirstDataRow + 10, ObservationsColumn).SetValue("fila agregada");
            ws.Cell(FirstDataRow + 12, CodeColumn).SetValue("9.9.9.9");
        });

        Assert.Equal(["1.1.1.1", "1.1.1.2", "1.1.1.3", "2.1.1.2", null, "9.9.9.9"], sheet.Rows.Select(r => r.ActivityCode));
        Assert.Equal(FirstDataRow + 10, sheet.Rows[4].Row);
        Assert.Equal("fila agregada", sheet.Rows[4].Observations);
    }

    [Fact]
    public void Reports_a_missing_report_sheet_as_a_fact()
    {
        var bytes = Workbooks.Edit(Template(), wb => wb.Worksheet(ReportSheetEs).Name = "Hoja1");

        var sheet = Reader.Read(new MemoryStream(bytes));

        Assert.False(sheet.HasReportSheet);
        Assert.Empty(sheet.Rows);
        Assert.True(sheet.Metadata.SheetFound);
        Assert.NotNull(sheet.Metadata.Parsed);
    }

    [Fact]
    public void Accepts_either_languages_report_sheet_name_in_any_case()
    {
        var bytes = Workbooks.Edit(Template(), wb => wb.Worksheet(ReportSheetEs).Name = "REPORT");

        var sheet = Reader.Read(new MemoryStream(bytes));

        Assert.Equal("REPORT", sheet.ReportSheetName);
        Assert.Equal(4, sheet.Rows.Count);
    }

    [Fact]
    public void Missing_or_tampered_metadata_is_null_with_the_raw_values_kept()
    {
        var deleted = Reader.Read(new MemoryStream(Workbooks.Edit(Template(), wb => wb.Worksheet(MetadataSheet).Delete())));
        var tampered = Reader.Read(new MemoryStream(Workbooks.Edit(Template(), wb =>
        {
            var ws = wb.Worksheet(MetadataSheet);
            var row = ws.Column(MetadataKeyColumn).CellsUsed().Single(c => c.GetString() == MetaPeriod).Address.RowNumber;
            ws.Cell(row, MetadataValueColumn).SetValue("2021-Q7");
        })));

        Assert.False(deleted.Metadata.SheetFound);
        Assert.Null(deleted.Metadata.Parsed);
        Assert.True(deleted.HasReportSheet);
        Assert.True(tampered.Metadata.SheetFound);
        Assert.Null(tampered.Metadata.Parsed);
        Assert.Equal("2021-Q7", tampered.Metadata.Raw[MetaPeriod]);
        Assert.Equal("GT", tampered.Metadata.Raw[MetaUnitCode]);
    }

    [Fact]
    public void A_stream_that_is_not_a_workbook_is_reported_not_thrown()
    {
        var sheet = Reader.Read(new MemoryStream("esto no es un libro de Excel"u8.ToArray()));

        Assert.NotNull(sheet.OpenError);
        Assert.False(sheet.HasReportSheet);
        Assert.False(sheet.Metadata.SheetFound);
    }
}
