using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Sheets.Reading.HandWrittenCorpus;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// Where the streaming reader deliberately differs from the ClosedXML reader it replaced: files ClosedXML could not
/// open at all, or read wrongly. Each test states the new behaviour and what the oracle did, so the difference is
/// on record rather than accidental.
/// </summary>
public sealed class StreamingReaderDeviationTests
{
    private static readonly SubmissionSheetReader Streaming = new(NullLogger<SubmissionSheetReader>.Instance);
    private static readonly ClosedXmlReferenceReader Oracle = new();

    private static (SubmittedSheet Streaming, SubmittedSheet Oracle) ReadBoth(byte[] bytes) =>
        (Streaming.Read(new MemoryStream(bytes)), Oracle.Read(new MemoryStream(bytes)));

    [Fact]
    public void An_ISO_date_cell_reads_as_a_date_where_ClosedXML_could_not_open_the_workbook()
    {
        var (sheet, oracle) = ReadBoth(Book(Header() +
            Row(9, Inline("A9", "1.1.1.1"), "<c r=\"H9\" t=\"d\" s=\"4\"><v>2021-09-30</v></c>", "<c r=\"J9\" t=\"d\"><v>2021-09-30T14:05:00</v></c>")));

        Assert.NotNull(oracle.OpenError);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(SheetValueKind.DateTime, row.EjecutadoCell.Kind);
        Assert.Equal(new DateTime(2021, 9, 30), row.EjecutadoCell.Value);
        Assert.Equal("2021-09-30", row.EjecutadoCell.Text);
        Assert.Equal(PercentageSource.Unreadable, row.Ejecutado.Source);
        Assert.Equal("2021-09-30 14:05:00", row.QuantityCell.Text);
        Assert.True(row.QuantityUnreadable);
    }

    [Fact]
    public void A_typed_error_value_is_unreadable_text_where_ClosedXML_saw_a_blank()
    {
        // A string result kept without its formula (t="str") was text for ClosedXML too; only the error differs.
        var (sheet, oracle) = ReadBoth(Book(Header() +
            Row(9, Inline("A9", "1.1.1.1"), "<c r=\"H9\" t=\"e\"><v>#N/A</v></c>", "<c r=\"K9\" t=\"str\"><v>texto sin fórmula</v></c>")));

        Assert.True(oracle.Rows[0].EjecutadoCell.IsEmpty);
        Assert.Equal("texto sin fórmula", oracle.Rows[0].Observations);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(new PercentageReading(null, PercentageSource.Unreadable, "#N/A"), row.Ejecutado);
        Assert.Equal("texto sin fórmula", row.Observations);
    }

    [Fact]
    public void Rows_and_cells_without_positions_are_placed_one_after_the_other_as_Excel_does()
    {
        // Scripts often omit r: a row follows the previous one, a cell the previous cell of its row.
        var data = "<row r=\"8\"/>" +
            "<row><c t=\"inlineStr\"><is><t>1.1.1.1</t></is></c><c r=\"H9\"><v>10</v></c><c t=\"inlineStr\"><is><t>En proceso</t></is></c></row>" +
            "<row><c t=\"inlineStr\"><is><t>1.1.1.3</t></is></c><c r=\"K10\" t=\"inlineStr\"><is><t>nota</t></is></c><c t=\"inlineStr\"><is><t>https</t></is></c></row>";
        var (sheet, oracle) = ReadBoth(Book(Header() + data));

        Assert.Equal([9, 10], sheet.Rows.Select(r => r.Row));
        Assert.Equal(["1.1.1.1", "1.1.1.3"], sheet.Rows.Select(r => r.ActivityCode));
        Assert.Equal(10.0, sheet.Rows[0].EjecutadoCell.Value);
        Assert.Equal("I9", sheet.Rows[0].StatusCell.Address);
        Assert.Equal("En proceso", sheet.Rows[0].StatusCell.Text);
        Assert.Equal("nota", sheet.Rows[1].Observations);
        Assert.Equal("L10", sheet.Rows[1].EvidenceCell.Address);
        Assert.Equal("https", sheet.Rows[1].Evidence);
        // ClosedXML numbered every r-less row 1 and counted r-less cells from A whatever came before.
        // ClosedXML lost every r-less cell (it numbered them from A1 on a row of its own) and kept only the placed ones.
        Assert.All(oracle.Rows, r => Assert.Null(r.ActivityCode));
        Assert.Null(oracle.Rows[0].StatusCell.Value);
    }

    [Fact]
    public void Cells_of_a_shared_formula_report_the_group_formula_and_their_own_cached_values()
    {
        var data = Row(9, Inline("A9", "1.1.1.1"), "<c r=\"H9\"><f t=\"shared\" ref=\"H9:H10\" si=\"0\">G9*2</f><v>20</v></c>") +
                   Row(10, Inline("A10", "1.1.1.3"), "<c r=\"H10\"><f t=\"shared\" si=\"0\"/><v>30</v></c>");
        var (sheet, oracle) = ReadBoth(Book(Header() + data));

        Assert.Equal(["G9*2", "G9*2"], sheet.Rows.Select(r => r.EjecutadoCell.Formula));
        Assert.Equal([20m, 30m], sheet.Rows.Select(r => r.Ejecutado.Value));
        // ClosedXML shifted the references for each cell; nothing reads them, and the cell is a formula either way.
        Assert.Equal("G10*2", oracle.Rows[1].EjecutadoCell.Formula);
        Assert.Equal(oracle.Rows.Select(r => r.Ejecutado), sheet.Rows.Select(r => r.Ejecutado));
    }

    [Fact]
    public void A_colour_section_in_a_number_format_does_not_make_a_number_a_date()
    {
        var styles = HandWrittenWorkbook.StylesWith([0, 164, 165], (164, "[Red]0.0"), (165, "[$-409]0%"));
        var book = new HandWrittenWorkbook { Styles = styles };
        book.Add("Informe", Header() + Row(9, Inline("A9", "1.1.1.1"), Num("H9", "50", 1), Num("J9", "12", 1)) + Row(10, Inline("A10", "1.1.1.3"), Num("H10", "0.5", 2)));
        var (sheet, oracle) = ReadBoth(book.Build());

        Assert.Equal(new PercentageReading(50m, PercentageSource.Number, "50"), sheet.Rows[0].Ejecutado);
        Assert.Equal(12m, sheet.Rows[0].Quantity);
        Assert.Equal(50m, sheet.Rows[1].Ejecutado.Value);
        // ClosedXML took the "d" of [Red] for a day and read 50 as 1900-02-18.
        Assert.Equal(SheetValueKind.DateTime, oracle.Rows[0].EjecutadoCell.Kind);
    }

    [Fact]
    public void An_escaped_underscore_sequence_reads_as_typed_where_ClosedXML_decoded_it_twice()
    {
        // "_x0041_" typed literally is stored as "_x005F_x0041_"; decoding once gives back what was typed.
        var bytes = Workbooks.Edit(TestPlan.Writer().Write(TestPlan.Guatemala, new Core.Plan.ReportingPeriod(2021, 3), Core.Localization.Language.Es),
            wb => wb.Worksheet(Core.Sheets.TemplateLayout.ReportSheetEs).Cell(Core.Sheets.TemplateLayout.FirstDataRow, Core.Sheets.TemplateLayout.ObservationsColumn)
                .SetValue("literal _x0041_ y _x005F_"));
        var (sheet, oracle) = ReadBoth(bytes);

        Assert.Equal("literal _x0041_ y _x005F_", sheet.Rows[0].Observations);
        Assert.Equal("literal A y _x005F_", oracle.Rows[0].Observations);
    }

    [Fact]
    public void A_workbook_without_styles_keeps_its_numbers_where_ClosedXML_dropped_them()
    {
        var book = new HandWrittenWorkbook();
        book.Add("Informe", Header() + Row(9, Inline("A9", "1.1.1.1"), Num("H9", "50")));
        var (sheet, oracle) = ReadBoth(book.Build());

        Assert.Equal(50m, sheet.Rows[0].Ejecutado.Value);
        Assert.True(oracle.Rows[0].EjecutadoCell.IsEmpty);
    }

    [Fact]
    public void Damaged_values_are_unreadable_cells_where_ClosedXML_rejected_the_whole_workbook()
    {
        // A number that is not one, a shared string that does not exist, a style that does not exist, an empty <si/>.
        var bytes = Book(Header() +
            Row(9, Inline("A9", "1.1.1.1"), "<c r=\"H9\"><v>cincuenta</v></c>", "<c r=\"I9\" t=\"s\"><v>99</v></c>", "<c r=\"J9\" s=\"400\"><v>7</v></c>", "<c r=\"K9\" t=\"s\"><v>0</v></c>"),
            sst: [""]);
        var (sheet, oracle) = ReadBoth(bytes);

        Assert.NotNull(oracle.OpenError);
        Assert.Null(sheet.OpenError);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal("#?", row.EjecutadoCell.Text);
        Assert.Equal(PercentageSource.Unreadable, row.Ejecutado.Source);
        Assert.Equal("#?", row.StatusCell.Text);
        Assert.Equal(7m, row.Quantity);
        Assert.True(row.ObservationsCell.IsEmpty);
    }
}
