using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Unit.Ingestion.Validation.Findings;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>
/// The header cannot lie: the unit (C3) and period (C4) a person reads must be what the control sheet says, in any
/// form a person could type for the same thing; anything else is HEADER_MISMATCH naming the cell.
/// </summary>
public sealed class HeaderMismatchTests
{
    private static FilledSheet WithHeader(string unit, string cell, string text) =>
        FilledSheet.Complete(unit, Period).Report(ws => ws.Cell(cell).SetValue(text));

    [Theory]
    [InlineData("GT", "GT")]
    [InlineData("GT", "gt")]
    [InlineData("GT", "  Gt ")]
    [InlineData("GT", "Guatemala")]
    [InlineData("GT", "GUATEMALA")]
    [InlineData("GT", "GT - Guatemala")]
    [InlineData("GT", "Guatemala (GT)")]
    [InlineData("BZ", "Belize")]
    [InlineData("BZ", "belice")]
    [InlineData("BZ", "bz")]
    [InlineData("ST", "Secretaría Técnica")]
    [InlineData("ST", "secretaria tecnica")]
    [InlineData("ST", "Technical  Secretariat")]
    [InlineData("ST", "ST — Secretaría Técnica")]
    public void Accepts_the_unit_as_a_person_could_type_it(string unit, string typed)
    {
        var validation = Validate(WithHeader(unit, UnitCell, typed));

        Assert.True(validation.Report.Accepted, string.Join("\n", validation.Report.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("2021-Q3")]
    [InlineData("2021-T3")]
    [InlineData("2021 T3")]
    [InlineData("2021q3")]
    [InlineData("T3 2021")]
    [InlineData("t3-2021")]
    [InlineData("Q3/2021")]
    [InlineData("3T 2021")]
    [InlineData("2021-3T")]
    [InlineData("3er trimestre de 2021")]
    [InlineData("3.º trimestre 2021")]
    [InlineData("Tercer trimestre 2021")]
    [InlineData("Trimestre 3 del 2021")]
    [InlineData("third quarter of 2021")]
    [InlineData("3rd Quarter 2021")]
    [InlineData("Q3 2021")]
    public void Accepts_the_period_as_a_person_could_type_it(string typed)
    {
        var validation = Validate(WithHeader("GT", PeriodCell, typed));

        Assert.True(validation.Report.Accepted, string.Join("\n", validation.Report.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("GT", "HN", "Informe", "dice «HN», pero la hoja de control indica la unidad GT (Guatemala)", "Escriba «GT» en esta celda del encabezado")]
    [InlineData("GT", "Guatemal", "Informe", "dice «Guatemal»", "Escriba «GT» en esta celda del encabezado")]
    [InlineData("BZ", "Honduras", "Report", "it says \"Honduras\", but the control sheet says unit BZ (Belize)", "Write \"BZ\" in this header cell")]
    [InlineData("ST", "Secretaría", "Informe", "indica la unidad ST (Secretaría Técnica)", "Escriba «ST» en esta celda")]
    public void A_unit_cell_that_names_another_unit_is_HEADER_MISMATCH_at_C3(string unit, string typed, string sheet, string words, string fix)
    {
        var validation = Validate(WithHeader(unit, UnitCell, typed));

        OnlyError(validation, "HEADER_MISMATCH", sheet, UnitCell, null, words, fix);
    }

    [Theory]
    [InlineData("GT", "2021-Q2", "dice «2021-Q2», pero la hoja de control indica el 3.er trimestre de 2021")]
    [InlineData("GT", "2022-T3", "Escriba «2021-Q3» en esta celda del encabezado")]
    [InlineData("GT", "2021", "dice «2021»")]
    [InlineData("GT", "T3", "dice «T3»")]
    [InlineData("GT", "2021-Q5", "dice «2021-Q5»")]
    [InlineData("GT", "T3 2021 2022", "dice «T3 2021 2022»")]
    [InlineData("BZ", "second quarter 2021", "it says \"second quarter 2021\", but the control sheet says the 3rd quarter of 2021")]
    public void A_period_cell_that_says_another_period_is_HEADER_MISMATCH_at_C4(string unit, string typed, string words)
    {
        var validation = Validate(WithHeader(unit, PeriodCell, typed));

        OnlyError(validation, "HEADER_MISMATCH", ReportSheet(RealPlan.Unit(unit).Language), PeriodCell, null, words);
    }

    [Fact]
    public void Each_edited_cell_is_its_own_finding()
    {
        var sheet = FilledSheet.Complete("GT", Period).Report(ws =>
        {
            ws.Cell(UnitCell).SetValue("SV");
            ws.Cell(PeriodCell).SetValue("2021-Q4");
        });

        var validation = Validate(sheet);

        Assert.Equal([UnitCell, PeriodCell], validation.Report.Errors.Where(e => e.Code == "HEADER_MISMATCH").Select(e => e.Cell));
    }

    [Fact]
    public void A_blank_header_cell_claims_nothing()
    {
        var sheet = FilledSheet.Complete("GT", Period).Report(ws =>
        {
            ws.Cell(UnitCell).Clear();
            ws.Cell(PeriodCell).Clear();
        });

        Assert.True(Validate(sheet).Report.Accepted);
    }

    [Fact]
    public void A_relabelled_template_of_another_unit_is_both_UNIT_MISMATCH_and_HEADER_MISMATCH()
    {
        // El Salvador's template, its header edited to say Guatemala, uploaded to Guatemala's folder.
        var sheet = FilledSheet.Complete("SV", Period).Report(ws => ws.Cell(UnitCell).SetValue("GT"));

        var validation = Validate(sheet, new UploadExpectation("GT", Q(Period)));

        Assert.Equal(["HEADER_MISMATCH", "UNIT_MISMATCH"], validation.Report.Errors.Select(e => e.Code).Order());
        Assert.Contains("Escriba «SV» en esta celda", validation.Report.Errors.Single(e => e.Code == "HEADER_MISMATCH").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_are_still_checked_when_the_header_was_edited()
    {
        var sheet = WithHeader("GT", PeriodCell, "2021-Q2").Ejecutado("1.1.1.3", 140);

        var validation = Validate(sheet);

        Assert.Equal(["EJECUTADO_OUT_OF_RANGE", "HEADER_MISMATCH"], validation.Report.Errors.Select(e => e.Code).Order());
    }

    [Fact]
    public void A_hostile_header_is_quoted_truncated()
    {
        var validation = Validate(WithHeader("GT", UnitCell, new string('X', 5_000)));

        var issue = Error(validation, "HEADER_MISMATCH", "Informe", UnitCell, null);
        Assert.True(issue.Message.Length < 600, $"{issue.Message.Length} characters");
    }
}
