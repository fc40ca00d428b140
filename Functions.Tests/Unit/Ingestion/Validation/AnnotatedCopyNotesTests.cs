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
/// The reviewed copy's promise — each problem marked on its cell and explained there — read back with ClosedXML as a
/// focal point's Excel opens it: every flagged cell of the report sheet carries a note with what to do, bounded in
/// number and length, and a sheet that already has notes keeps them.
/// </summary>
public sealed class AnnotatedCopyNotesTests
{
    private static XLWorkbook Annotate(byte[] original, ValidationReport report)
    {
        var copy = AnnotatedCopyWriter.Write(new MemoryStream(original), report);
        Assert.Null(copy.Skipped?.Message);
        return new XLWorkbook(new MemoryStream(copy.Content!));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void Each_flagged_cell_carries_a_note_with_the_instruction_and_no_code(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).EjecutadoText("1.1.1.2", "mucho").Quantity("1.1.1.3", 3);
        var report = Validate(sheet).Report;

        using var wb = Annotate(sheet.Build(), report);

        var ws = wb.Worksheet(sheet.ReportSheetName);
        var ejecutado = ws.Cell(sheet.Cell("1.1.1.2", EjecutadoColumn));
        var quantity = ws.Cell(sheet.Cell("1.1.1.3", QuantityColumn));
        Assert.True(ejecutado.HasComment);
        Assert.True(quantity.HasComment);
        Assert.Equal(Words(unit,
            "Error: Escriba el ejecutado de 1.1.1.2 como un número de 0 a 100, por ejemplo 45 (se encontró «mucho»).",
            "Error: Enter the achieved value for 1.1.1.2 as a number from 0 to 100, for example 45 (found \"mucho\")."), ejecutado.Comment.Text);
        Assert.Equal(Words(unit,
            "Advertencia: Deje en blanco la cantidad de 1.1.1.3: su indicador no cuenta nada, y la cantidad escrita no se registra.",
            "Warning: Leave the quantity for 1.1.1.3 blank: its indicator counts nothing, and the quantity entered is not recorded."), quantity.Comment.Text);
        Assert.DoesNotContain("EJECUTADO_NOT_A_NUMBER", ejecutado.Comment.Text, StringComparison.Ordinal);
        Assert.Equal(2, ws.CellsUsed(c => c.HasComment).Count());
        Assert.Equal("mucho", ejecutado.GetString()); // the value stays as typed
    }

    [Fact]
    public void A_cell_with_two_findings_has_one_note_with_both()
    {
        var sheet = FilledSheet.Complete("GT", Period).Ejecutado("1.1.1.3", 95);
        var cell = sheet.Cell("1.1.1.3", EjecutadoColumn);
        var report = ValidationReport.From([
            SheetIssues.EjecutadoAboveProgramado.At(Language.Es, ReportSheetEs, cell, "1.1.1.3", "1.1.1.3", "95", 2021, "90"),
            SheetIssues.EjecutadoDecreased.At(Language.Es, ReportSheetEs, cell, "1.1.1.3", "1.1.1.3", "95", new OwnText("2.º trimestre de 2021"), "96"),
        ]);

        using var wb = Annotate(sheet.Build(), report);

        var lines = wb.Worksheet(ReportSheetEs).Cell(cell).Comment.Text.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Advertencia: Compruebe el ejecutado de 1.1.1.3: 95 % supera", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Advertencia: Compruebe el ejecutado de 1.1.1.3: 95 % es menos que lo informado en el 2.º trimestre de 2021", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_are_capped_in_number_errors_first_and_each_is_cut_to_its_length()
    {
        var sheet = FilledSheet.Complete("GT", Period);
        // More flagged cells than notes allowed: warnings on rows 1000+, errors after them in the list, one long text.
        var warnings = Enumerable.Range(0, AnnotationLimits.MaxNotes)
            .Select(i => SheetIssues.StatusInconsistent.At(Language.Es, ReportSheetEs, $"I{1000 + i}", null, "1.1.1.1", "x", new OwnText(new string('x', 5_000))));
        var errors = Enumerable.Range(0, 10)
            .Select(i => SheetIssues.FormulaWithoutValue.At(Language.Es, ReportSheetEs, $"H{2000 + i}", null));
        // A report keeps at most MaxFindingsPerCode of a code (ValidationReport.From): built directly to pass the notes' limit.
        var report = new ValidationReport { Warnings = warnings.ToList(), Errors = errors.ToList() };

        using var wb = Annotate(sheet.Build(), report);

        var noted = wb.Worksheet(ReportSheetEs).CellsUsed(c => c.HasComment).ToList();
        Assert.Equal(AnnotationLimits.MaxNotes, noted.Count);
        Assert.All(Enumerable.Range(0, 10), i => Assert.True(wb.Worksheet(ReportSheetEs).Cell($"H{2000 + i}").HasComment));
        Assert.All(noted, c => Assert.True(c.Comment.Text.Length <= AnnotationLimits.MaxNoteChars, $"{c.Address}: {c.Comment.Text.Length}"));
        Assert.EndsWith("…", wb.Worksheet(ReportSheetEs).Cell("I1000").Comment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_sheet_that_already_has_notes_keeps_them_and_gets_none_added()
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "mucho")
            .Report(ws => ws.Cell("K10").Comment.AddText("Nota del país"));
        var report = Validate(sheet).Report;

        using var wb = Annotate(sheet.Build(), report);

        var ws = wb.Worksheet(ReportSheetEs);
        Assert.Equal("Nota del país", ws.Cell("K10").Comment.Text);
        Assert.False(ws.Cell(sheet.Cell("1.1.1.2", EjecutadoColumn)).HasComment);
        Assert.Equal("EJECUTADO_NOT_A_NUMBER", wb.Worksheet("Revisión").Cell(4, 2).GetString()); // still listed on the review sheet
    }

    [Fact]
    public void A_report_sheet_with_relationships_of_its_own_keeps_them_beside_its_notes()
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "mucho")
            .Report(ws => ws.Cell("L9").Hyperlink = new XLHyperlink(new Uri("https://evidencia.example.org/GT")));
        var report = Validate(sheet).Report;

        using var wb = Annotate(sheet.Build(), report);

        var ws = wb.Worksheet(ReportSheetEs);
        Assert.Equal("https://evidencia.example.org/GT", ws.Cell("L9").GetHyperlink().ExternalAddress.ToString());
        Assert.StartsWith("Error: Escriba el ejecutado de 1.1.1.2", ws.Cell(sheet.Cell("1.1.1.2", EjecutadoColumn)).Comment.Text, StringComparison.Ordinal);
    }
}
