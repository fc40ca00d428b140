using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Tests.Unit.Sheets.Reading.HandWrittenCorpus;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// Cells ClosedXML never writes but Excel, LibreOffice, Google Sheets and scripts do: rich text, inline rich text,
/// phonetic guides, significant spaces, positions left implicit.
/// </summary>
public sealed class ForeignCellReadingTests
{
    private static readonly SubmissionSheetReader Reader = new(NullLogger<SubmissionSheetReader>.Instance);

    private static SubmittedRow OnlyRow(byte[] bytes) => Assert.Single(Reader.Read(new MemoryStream(bytes)).Rows);

    [Fact]
    public void A_rich_text_shared_string_reads_as_its_runs_joined_without_the_phonetic_guide()
    {
        var row = OnlyRow(Book(Header(),
            sst: ["<t>1.1.1.1</t>", "<r><rPr><b/></rPr><t>En </t></r><r><t>proceso</t></r><rPh sb=\"0\" eb=\"2\"><t>エンプロ</t></rPh><phoneticPr fontId=\"0\"/>"],
            data: Row(9, Sst("A9", 0), Sst("I9", 1))));

        Assert.Equal("En proceso", row.StatusCell.Text);
        Assert.Equal(ActivityStatus.InProgress, row.Status);
    }

    [Fact]
    public void An_inline_rich_text_keeps_significant_spaces_between_runs()
    {
        var row = OnlyRow(Book(Header() + Row(9, Inline("A9", "1.1.1.1"),
            "<c r=\"K9\" t=\"inlineStr\"><is><r><t>Talleres</t></r><r><t xml:space=\"preserve\"> </t></r><r><rPr><i/></rPr><t>virtuales</t></r></is></c>")));

        Assert.Equal("Talleres virtuales", row.Observations);
    }

    [Fact]
    public void A_cell_without_a_position_follows_the_previous_cell_of_its_row()
    {
        var row = OnlyRow(Book(Header() +
            "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>1.1.1.1</t></is></c><c r=\"G9\"><v>50</v></c><c><v>45</v></c><c t=\"inlineStr\"><is><t>En proceso</t></is></c></row>"));

        Assert.Equal("H9", row.EjecutadoCell.Address);
        Assert.Equal(45m, row.Ejecutado.Value);
        Assert.Equal(ActivityStatus.InProgress, row.Status);
    }

    [Fact]
    public void An_ISO_date_with_a_time_reads_as_that_date_and_time()
    {
        var row = OnlyRow(Book(Header() + Row(9, Inline("A9", "1.1.1.1"), "<c r=\"J9\" t=\"d\"><v>2021-09-30T08:30:00Z</v></c>")));

        Assert.Equal(SheetValueKind.DateTime, row.QuantityCell.Kind);
        Assert.Equal(new DateTime(2021, 9, 30, 8, 30, 0), row.QuantityCell.Value);
        Assert.True(row.QuantityUnreadable);
    }
}
