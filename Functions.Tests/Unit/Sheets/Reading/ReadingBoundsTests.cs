using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Sheets.Reading;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Sheets.Reading.HandWrittenCorpus;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// The reader costs what the template allows, not what the file holds (<see cref="ReadingLimits"/>): texts cut but
/// measured, rows stopped below the table, parts bounded in size and nesting, relationships resolved without the SDK.
/// </summary>
public sealed class ReadingBoundsTests
{
    private static readonly SubmissionSheetReader Reader = new(NullLogger<SubmissionSheetReader>.Instance);

    [Fact]
    public void A_long_text_is_kept_to_the_bound_and_measured_to_its_full_length()
    {
        var text = new string('a', 1_000_000);
        var sheet = Reader.Read(new MemoryStream(Book(Header() + Row(9, Inline("A9", "1.1.1.1"), Inline("K9", text)), sst: ["<t>" + text + "</t>"],
            data: Row(10, Inline("A10", "1.1.1.3"), Sst("K10", 0)))));

        Assert.All(sheet.Rows, row =>
        {
            Assert.Equal(ReadingLimits.MaxCellTextChars, row.ObservationsCell.Text.Length);
            Assert.Equal(1_000_000, row.ObservationsCell.FoundLength);
        });
    }

    [Fact]
    public void A_number_too_long_to_keep_is_unreadable_not_a_different_number()
    {
        var sheet = Reader.Read(new MemoryStream(Book(Header() + Row(9, Inline("A9", "1.1.1.1"), Num("H9", new string('0', 10_000) + "5")))));

        Assert.Equal(CellInterpreter.UnreadableText, Assert.Single(sheet.Rows).EjecutadoCell.Text);
    }

    [Fact]
    public void A_long_formula_is_kept_to_its_bound()
    {
        var formula = string.Join("+", Enumerable.Repeat("A1", 50_000));
        var sheet = Reader.Read(new MemoryStream(Book(Header() + Row(9, Inline("A9", "1.1.1.1"), Formula("H9", formula, "7")))));

        var cell = Assert.Single(sheet.Rows).EjecutadoCell;
        Assert.Equal(ReadingLimits.MaxFormulaChars, cell.Formula!.Length);
        Assert.Equal(7.0, cell.Value);
    }

    [Fact]
    public void Styles_past_the_bound_read_as_general()
    {
        // 70,000 cell styles, the last a percent format: past MaxCellStyles it is not looked at.
        var styles = "<cellXfs>" + string.Concat(Enumerable.Repeat("<xf numFmtId=\"0\"/>", 69_999)) + "<xf numFmtId=\"9\"/></cellXfs>";
        var book = new HandWrittenWorkbook { Styles = styles };
        book.AddMetadata("test-2020-2022", "GT", "2021-Q3", "abc");
        book.Add("Informe", Header() + Row(9, Inline("A9", "1.1.1.1"), Num("H9", "0.5", 69_999)));

        var cell = Assert.Single(Reader.Read(new MemoryStream(book.Build())).Rows).EjecutadoCell;

        Assert.Equal(0, cell.NumberFormatId);
        Assert.Equal(PercentageSource.Number, PercentageReading.FromCell(cell).Source);
    }

    [Fact]
    public void Reading_stops_at_the_first_data_past_the_template_rows_and_margin_keeping_what_came_before()
    {
        var last = TemplateLayout.FirstDataRow + 2 - 1 + ReadingLimits.RowMargin;
        var rows = Row(9, Inline("A9", "1.1.1.1")) + Row(10, Inline("A10", "1.1.1.3")) +
            Row(last, Inline("A" + last, "junto al margen")) + Row(last + 1, "<c r=\"B" + (last + 1) + "\"><v>1</v></c>") +
            Row(last + 2, $"<c r=\"H{last + 2}\" s=\"1\"/>") + Row(last + 3, Num("J" + (last + 3), "7"));

        var sheet = Reader.Read(new MemoryStream(Book(Header() + rows)), templateRows: 2);

        // Unread columns and style-only cells past the margin are not data; the first value in a read column is.
        Assert.Equal(new SheetReadStop(SheetReadStopKind.TooManyRows, "Informe", last, $"J{last + 3}", last + 3), sheet.Stopped);
        Assert.Equal([9, 10, last], sheet.Rows.Select(r => r.Row));
    }

    [Theory]
    [InlineData("xl/worksheets/sheet2.xml")]
    [InlineData("xl/sharedStrings.xml")]
    [InlineData("xl/styles.xml")]
    public void A_part_nested_too_deeply_stops_the_reader_with_its_name(string part)
    {
        var book = new HandWrittenWorkbook { Styles = Styles, SharedStrings = ["<t>1.1.1.1</t>"] };
        book.AddMetadata("test-2020-2022", "GT", "2021-Q3", "abc");
        book.Add("Informe", Header() + Row(9, Sst("A9", 0)));
        var bytes = Nest(book.Build(), part, 10_000);

        var sheet = Reader.Read(new MemoryStream(bytes));

        Assert.Equal(new SheetReadStop(SheetReadStopKind.XmlTooDeep, part, ReadingLimits.MaxXmlDepth), sheet.Stopped);
        Assert.Null(sheet.OpenError);
    }

    [Fact]
    public void A_part_larger_than_its_bound_stops_the_reader_with_its_name()
    {
        var padding = Row(7, Inline("Z7", new string('x', (int)ReadingLimits.MaxPartBytes)));

        var sheet = Reader.Read(new MemoryStream(Book(Header() + padding + Row(9, Inline("A9", "1.1.1.1")))));

        Assert.Equal(new SheetReadStop(SheetReadStopKind.PartTooLarge, "xl/worksheets/sheet2.xml", ReadingLimits.MaxPartBytes), sheet.Stopped);
    }

    [Theory]
    [InlineData("xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("xl/workbook.xml", "../custom/./sheet.xml", "custom/sheet.xml")]
    [InlineData("", "xl/workbook.xml", "xl/workbook.xml")]
    [InlineData("xl/workbook.xml", "sheet%201.xml", "xl/sheet%201.xml")]
    [InlineData("xl/workbook.xml", "../../escape.xml", null)]
    [InlineData("xl/workbook.xml", "http://example.org/x.xml", null)]
    public void Relationship_targets_resolve_like_part_names(string source, string target, string? expected)
    {
        Assert.Equal(expected, WorkbookPackage.Resolve(source, target));
    }

    [Theory]
    [InlineData("_xD800_a", "\uFFFDa")]
    [InlineData("_xDE00_", "\uFFFD")]
    [InlineData("_xD83D__xDE00_", "\uD83D\uDE00")]
    [InlineData("a_x000D_b", "a\rb")]
    public void Escapes_decode_to_well_formed_text_only(string escaped, string decoded)
    {
        Assert.Equal(decoded, RichTextReader.DecodeEscapes(escaped));
    }

    /// <summary>The part with <paramref name="depth"/> nested elements inserted right after its root element's start.</summary>
    private static byte[] Nest(byte[] package, string part, int depth)
    {
        using var output = new MemoryStream();
        output.Write(package);
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            var at = xml.IndexOf('>') + 1;
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write(xml[..at] + string.Concat(Enumerable.Repeat("<n>", depth)) + string.Concat(Enumerable.Repeat("</n>", depth)) + xml[at..]);
        }
        return output.ToArray();
    }
}
