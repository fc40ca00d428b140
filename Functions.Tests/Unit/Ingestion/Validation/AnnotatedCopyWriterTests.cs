using System.IO.Compression;
using ClosedXML.Excel;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Ingestion.Validation.Annotation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Unit.Ingestion.Validation.Findings;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>
/// The annotated copy, written streaming from the upload's bytes and read back here with ClosedXML (as a focal point's
/// Excel would open it): findings highlighted on their cells, a first sheet listing them with links, values literal,
/// the original otherwise untouched; and a reason instead of a copy whenever one cannot be made.
/// </summary>
public sealed class AnnotatedCopyWriterTests
{
    private static readonly XLColor ErrorFill = XLColor.FromHtml("#F8CBAD");
    private static readonly XLColor WarningFill = XLColor.FromHtml("#FFE699");

    private static XLWorkbook Annotate(byte[] original, ValidationReport report)
    {
        var copy = AnnotatedCopyWriter.Write(new MemoryStream(original), report);
        Assert.Null(copy.Skipped?.Message);
        return new XLWorkbook(new MemoryStream(copy.Content!));
    }

    [Fact]
    public void Marks_each_finding_on_its_cell_and_lists_them_on_a_first_active_sheet_in_the_units_language()
    {
        var sheet = FilledSheet.Complete("BZ", Period).EjecutadoText("1.1.1.2", "fifty").Quantity("1.1.1.3", 3);
        var report = Validate(sheet).Report;

        using var wb = Annotate(sheet.Build(), report);

        var review = wb.Worksheets.First();
        Assert.Equal("Review", review.Name);
        Assert.True(review.TabActive);
        Assert.True(review.TabSelected);
        Assert.All(wb.Worksheets.Skip(1), ws => Assert.False(ws.TabSelected, ws.Name));
        Assert.Equal("Rejected: fix the cells marked in red and upload again", review.Cell(1, 1).GetString());
        Assert.Equal(["EJECUTADO_NOT_A_NUMBER", "QUANTITY_IGNORED"], new[] { review.Cell(4, 2).GetString(), review.Cell(5, 2).GetString() });
        Assert.Equal(ErrorFill, review.Cell(4, 6).Style.Fill.BackgroundColor);
        Assert.Equal(WarningFill, review.Cell(5, 6).Style.Fill.BackgroundColor);
        var ejecutado = sheet.Cell("1.1.1.2", EjecutadoColumn);
        Assert.Equal(ejecutado, review.Cell(4, 4).GetString());
        Assert.Equal($"'{ReportSheetEn}'!{ejecutado}", review.Cell(4, 4).GetHyperlink().InternalAddress);

        var ws = wb.Worksheet(ReportSheetEn);
        Assert.Equal(ErrorFill, ws.Cell(ejecutado).Style.Fill.BackgroundColor);
        Assert.Equal(WarningFill, ws.Cell(sheet.Cell("1.1.1.3", QuantityColumn)).Style.Fill.BackgroundColor);
        Assert.Equal("fifty", ws.Cell(ejecutado).GetString()); // the values stay as typed
        Assert.NotEqual(ErrorFill, ws.Cell(sheet.Cell("1.1.1.1", EjecutadoColumn)).Style.Fill.BackgroundColor);
    }

    [Fact]
    public void A_highlighted_cell_keeps_its_number_format_border_and_protection_and_changes_only_its_fill()
    {
        var sheet = FilledSheet.Complete("GT", Period).Ejecutado("1.1.1.2", 150);
        var original = sheet.Build();
        var address = sheet.Cell("1.1.1.2", EjecutadoColumn);
        using var before = new XLWorkbook(new MemoryStream(original));
        var was = before.Worksheet(ReportSheetEs).Cell(address).Style;

        using var wb = Annotate(original, Validate(sheet).Report);

        var now = wb.Worksheet(ReportSheetEs).Cell(address).Style;
        Assert.Equal(ErrorFill, now.Fill.BackgroundColor);
        Assert.Equal(was.NumberFormat.Format, now.NumberFormat.Format);
        Assert.Equal(PercentDisplayFormat, now.NumberFormat.Format);
        Assert.Equal(was.Border.LeftBorder, now.Border.LeftBorder);
        Assert.Equal(was.Font.FontName, now.Font.FontName);
        Assert.False(now.Protection.Locked); // an input cell stays editable in the protected sheet
        Assert.Equal(150.0, wb.Worksheet(ReportSheetEs).Cell(address).GetDouble());
    }

    [Fact]
    public void A_blank_cell_named_by_a_finding_is_highlighted_too()
    {
        // Below programado with no observation: the warning is on the observation cell, which was never typed in.
        var sheet = FilledSheet.Complete("GT", Period).Ejecutado("1.1.1.2", 1).Status("1.1.1.2", Core.Sheets.ActivityStatus.InProgress)
            .Observations("1.1.1.2", null);
        var report = Validate(sheet).Report;
        var observation = sheet.Cell("1.1.1.2", ObservationsColumn);
        Assert.Contains(report.Warnings, w => w.Code == "OBSERVATION_MISSING" && w.Cell == observation);

        using var wb = Annotate(sheet.Build(), report);

        Assert.Equal(WarningFill, wb.Worksheet(ReportSheetEs).Cell(observation).Style.Fill.BackgroundColor);
        Assert.Equal("", wb.Worksheet(ReportSheetEs).Cell(observation).GetString());
        Assert.StartsWith("Advertencia: Agregue a 1.1.1.2 una observación", wb.Worksheet(ReportSheetEs).Cell(observation).Comment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_value_on_the_review_sheet_is_literal_text_never_a_formula()
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "=HYPERLINK(\"http://x.example\",\"clic\")");
        var report = Validate(sheet).Report;

        using var wb = Annotate(sheet.Build(), report);

        var review = wb.Worksheets.First();
        Assert.All(review.CellsUsed(), c => Assert.False(c.HasFormula, c.Address.ToString()));
        Assert.Contains("=HYPERLINK", review.Cell(4, 6).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Annotating_an_annotated_copy_again_replaces_its_review_sheet()
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "cincuenta");
        var report = Validate(sheet).Report;
        var first = AnnotatedCopyWriter.Write(sheet.Open(), report).Content!;

        var second = AnnotatedCopyWriter.Write(new MemoryStream(first), report);

        using var wb = new XLWorkbook(new MemoryStream(second.Content!));
        Assert.Equal(["Revisión", ReportSheetEs, InstructionsSheetEs, MetadataSheet], wb.Worksheets.Select(w => w.Name));
        Assert.Equal(ErrorFill, wb.Worksheet(ReportSheetEs).Cell(sheet.Cell("1.1.1.2", EjecutadoColumn)).Style.Fill.BackgroundColor);
    }

    [Fact]
    public void Copies_every_other_part_byte_for_byte()
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "cincuenta");
        var original = sheet.Build();

        var copy = AnnotatedCopyWriter.Write(new MemoryStream(original), Validate(sheet).Report).Content!;

        var changed = new[] { "[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml" };
        var before = Parts(original);
        var after = Parts(copy);
        foreach (var (name, bytes) in before.Where(p => !changed.Contains(p.Key)))
            Assert.True(after.TryGetValue(name, out var copied) && copied.AsSpan().SequenceEqual(bytes), name);
        // Added: the review sheet, and the report sheet's notes (their text, their drawing, the sheet's relationships to them).
        Assert.Equal(["xl/drawings/serverlessplan-notes.vml", "xl/serverlessplan-notes.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/serverlessplan-review.xml"],
            after.Keys.Except(before.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_package_without_styles_or_workbook_relationships_gets_them()
    {
        var report = ValidationReport.From([SheetIssues.MetadataMissing.Create(Language.Es, "GT", Period)]);

        var copy = AnnotatedCopyWriter.Write(new MemoryStream(HostileFiles.WithExternalLink()), report);

        using var wb = new XLWorkbook(new MemoryStream(copy.Content!));
        Assert.Equal("Revisión", Assert.Single(wb.Worksheets).Name);
        Assert.Equal("TEMPLATE_NOT_RECOGNIZED", wb.Worksheets.First().Cell(4, 2).GetString());
    }

    [Fact]
    public void Says_why_instead_of_throwing_when_the_file_cannot_be_read()
    {
        var report = ValidationReport.From([SheetIssues.MetadataMissing.Create(Language.Es, "GT", Period)]);

        var copy = AnnotatedCopyWriter.Write(new MemoryStream(HostileFiles.RandomBytes()), report);

        Assert.Null(copy.Content);
        Assert.Equal(ReportIssues.AnnotatedCopySkipped.Code, copy.Skipped!.Code);
        Assert.Equal(IssueSeverity.Warning, copy.Skipped.Severity);
        Assert.Contains("no se pudo leer", copy.Skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_not_written_above_its_size_limit_and_says_so()
    {
        var sheet = FilledSheet.Complete("BZ", Period).EjecutadoText("1.1.1.2", "fifty");
        var padded = ServerlessPlan.Bench.HostileWorkbooks.WithPart(sheet.Build(), "xl/media/padding.bin", AnnotationLimits.MaxInflatedBytes);

        var copy = AnnotatedCopyWriter.Write(new MemoryStream(padded), Validate(sheet).Report);

        Assert.Null(copy.Content);
        Assert.Contains("only workbooks of up to 32 MB are annotated", copy.Skipped!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_sheet_nested_too_deeply_gets_a_reason_not_a_stack_overflow()
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "cincuenta");
        var nested = ServerlessPlan.Bench.HostileWorkbooks.NestedInPart(sheet.Build(), ServerlessPlan.Bench.NestingPlace.ReportSheetCell, 100_000);

        var copy = AnnotatedCopyWriter.Write(new MemoryStream(nested), Validate(sheet).Report);

        Assert.Null(copy.Content);
        Assert.Contains("demasiado", copy.Skipped!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void The_copy_of_a_valid_workbook_is_valid_open_xml(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).EjecutadoText("1.1.1.2", "x").Ejecutado("1.1.1.3", 1).Observations("1.1.1.3", null)
            .Focal(FilledSheet.FocalName, "no es un correo");
        var original = sheet.Build();

        var copy = AnnotatedCopyWriter.Write(new MemoryStream(original), Validate(sheet).Report).Content!;

        Assert.Empty(SchemaErrors(original));
        Assert.Empty(SchemaErrors(copy));
    }

    /// <summary>What the Open XML SDK's schema validator finds, by part and path (the tests may load our own output).</summary>
    private static List<string> SchemaErrors(byte[] package)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(package), false);
        return new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016)
            .Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    private static Dictionary<string, byte[]> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }
}
