using ClosedXML.Excel;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Unit.Ingestion.Validation.Findings;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

public sealed class AnnotatedCopyWriterTests
{
    [Fact]
    public void Marks_each_finding_on_its_cell_and_lists_them_on_a_first_sheet_in_the_units_language()
    {
        var sheet = FilledSheet.Complete("BZ", Period).EjecutadoText("1.1.1.2", "fifty").Quantity("1.1.1.3", 3);
        var original = sheet.Build();
        var report = Validate(sheet).Report;

        var annotated = AnnotatedCopyWriter.Write(new MemoryStream(original), report);

        Assert.NotNull(annotated);
        using var wb = new XLWorkbook(new MemoryStream(annotated));
        var review = wb.Worksheets.First();
        Assert.Equal("Review", review.Name);
        Assert.Equal("Rejected: fix the cells marked in red and upload again", review.Cell(1, 1).GetString());
        Assert.Equal(["EJECUTADO_NOT_A_NUMBER", "QUANTITY_IGNORED"], new[] { review.Cell(4, 2).GetString(), review.Cell(5, 2).GetString() });
        var ws = wb.Worksheet(ReportSheetEn);
        Assert.StartsWith("[EJECUTADO_NOT_A_NUMBER] Sheet «Report», cell H10", ws.Cell(sheet.Cell("1.1.1.2", EjecutadoColumn)).Comment.Text, StringComparison.Ordinal);
        Assert.StartsWith("[QUANTITY_IGNORED]", ws.Cell(sheet.Cell("1.1.1.3", QuantityColumn)).Comment.Text, StringComparison.Ordinal);
        Assert.Equal("fifty", ws.Cell(sheet.Cell("1.1.1.2", EjecutadoColumn)).GetString()); // the values stay as typed
    }

    [Fact]
    public void Returns_null_instead_of_throwing_for_a_workbook_it_cannot_save_again()
    {
        // Opens, but ClosedXML cannot write it back (a relationship id it reuses): an untrusted upload must not fault the ingestion.
        var report = ValidationReport.From([SheetIssues.MetadataMissing.Create(Core.Localization.Language.Es, "GT", Period)]);

        Assert.Null(AnnotatedCopyWriter.Write(new MemoryStream(HostileFiles.WithExternalLink()), report));
        Assert.Null(AnnotatedCopyWriter.Write(new MemoryStream(HostileFiles.RandomBytes()), report));
    }
}
