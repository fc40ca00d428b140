using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Sheets;

public sealed class TemplateWriterTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    public static TheoryData<string, Language> UnitsAndLanguages()
    {
        var data = new TheoryData<string, Language>();
        foreach (var unit in TestPlan.Units.All)
        {
            foreach (var language in Enum.GetValues<Language>())
            data.Add(unit.Code, language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnitsAndLanguages))]
    public void Writes_the_three_sheets_with_the_metadata_hidden_and_round_tripping(string unitCode, Language language)
    {
        var unit = TestPlan.Units.Find(unitCode)!;
        var writer = TestPlan.Writer();

        var bytes = writer.Write(unit, Q3, language);

        using var wb = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal([ReportSheet(language), InstructionsSheet(language), MetadataSheet], wb.Worksheets.Select(w => w.Name));
        Assert.Equal(XLWorksheetVisibility.VeryHidden, wb.Worksheet(MetadataSheet).Visibility);
        Assert.Equal(XLWorksheetVisibility.Visible, wb.Worksheet(ReportSheet(language)).Visibility);

        var read = new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance).Read(new MemoryStream(bytes));
        var expected = writer.MetadataFor(unit, Q3, language);
        Assert.Equal(expected, read.Metadata.Parsed);
        Assert.Equal(new TemplateMetadata(CurrentVersion, TestPlan.PlanId, unitCode, Q3, language,
            ActivityFingerprint.Compute(TestPlan.Catalog.ActivitiesFor(unit))), expected);
        Assert.Equal(TestPlan.PlanId, read.Plan.Text);
        Assert.Equal(unitCode, read.Unit.Text);
        Assert.Equal("2021-Q3", read.Period.Text);
    }

    [Theory]
    [MemberData(nameof(UnitsAndLanguages))]
    public void Writes_one_row_per_reported_activity_with_validated_unlocked_inputs_on_a_protected_sheet(string unitCode, Language language)
    {
        var unit = TestPlan.Units.Find(unitCode)!;
        var activities = TestPlan.Catalog.ActivitiesFor(unit);

        using var wb = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(unit, Q3, language)));
        var ws = wb.Worksheet(ReportSheet(language));

        var codes = Enumerable.Range(FirstDataRow, activities.Count + 1).Select(r => ws.Cell(r, CodeColumn).GetString()).ToList();
        Assert.Equal(activities.Select(a => a.Code).Append(""), codes);
        Assert.True(ws.IsProtected);
        Assert.Equal(HeaderRow, ws.SheetView.SplitRow);

        for (var i = 0; i < activities.Count; i++)
        {
            var row = FirstDataRow + i;
            foreach (var column in new[] { EjecutadoColumn, StatusColumn, ObservationsColumn, EvidenceColumn })
            {
                var cell = ws.Cell(row, column);
                Assert.True(cell.HasDataValidation, $"{cell.Address} has no data validation");
                Assert.False(cell.Style.Protection.Locked, $"{cell.Address} is locked");
            }
            foreach (var column in new[] { CodeColumn, AxisColumn, ActivityColumn, MetaColumn, IndicadorColumn, ResponsableColumn, ProgramadoColumn })
                Assert.True(ws.Cell(row, column).Style.Protection.Locked, $"{ws.Cell(row, column).Address} is unlocked");

            var quantity = ws.Cell(row, QuantityColumn);
            Assert.Equal(activities[i].IndicatorIsCount, quantity.HasDataValidation);
            Assert.Equal(activities[i].IndicatorIsCount, !quantity.Style.Protection.Locked);
        }

        foreach (var address in new[] { FocalNameCell, FocalEmailCell })
        {
            Assert.True(ws.Cell(address).HasDataValidation);
            Assert.False(ws.Cell(address).Style.Protection.Locked);
        }
    }

    [Fact]
    public void Input_validations_carry_the_documented_limits_and_the_localized_status_list()
    {
        using var wb = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(TestPlan.Belize, Q3, Language.En)));
        var ws = wb.Worksheet(ReportSheetEn);

        var percent = ws.Cell(FirstDataRow, EjecutadoColumn).DataValidation;
        Assert.Equal(XLAllowedValues.Decimal, percent.AllowedValues);
        Assert.Equal(XLOperator.Between, percent.Operator);
        Assert.Equal("0", percent.MinValue);
        Assert.Equal("100", percent.MaxValue);

        var status = ws.Cell(FirstDataRow, StatusColumn).DataValidation;
        Assert.Equal(XLAllowedValues.List, status.AllowedValues);
        Assert.Equal("\"not started,in progress,completed,not applicable\"", status.Value);

        var observations = ws.Cell(FirstDataRow, ObservationsColumn).DataValidation;
        Assert.Equal(XLAllowedValues.TextLength, observations.AllowedValues);
        Assert.Equal("2000", observations.Value);
        Assert.Equal("500", ws.Cell(FirstDataRow, EvidenceColumn).DataValidation.Value);
        Assert.Equal("254", ws.Cell(FocalEmailCell).DataValidation.Value);
        Assert.Equal("200", ws.Cell(FocalNameCell).DataValidation.Value);

        var quantity = ws.Cell(FirstDataRow, QuantityColumn).DataValidation; // 1.1.1.1 counts
        Assert.Equal(XLAllowedValues.WholeNumber, quantity.AllowedValues);
        Assert.Equal(XLOperator.EqualOrGreaterThan, quantity.Operator);
        Assert.Equal("0", quantity.MinValue);
        Assert.Contains("whole number", quantity.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_years_programado_as_percent_points_and_leaves_unprogrammed_years_blank()
    {
        using var wb = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(TestPlan.Guatemala, Q3, Language.Es)));
        var ws = wb.Worksheet(ReportSheetEs);
        var rows = Enumerable.Range(FirstDataRow, 4).ToDictionary(r => ws.Cell(r, CodeColumn).GetString(), r => ws.Row(r));

        var programmed = rows[TestPlan.National2].Cell(ProgramadoColumn);
        Assert.Equal(60, programmed.GetDouble());
        Assert.Equal(PercentDisplayFormat, programmed.Style.NumberFormat.Format);
        Assert.True(rows[TestPlan.NotPlannedIn2021].Cell(ProgramadoColumn).IsEmpty());
        Assert.Equal(PercentDisplayFormat, rows[TestPlan.NotPlannedIn2021].Cell(EjecutadoColumn).Style.NumberFormat.Format);
        Assert.Equal("1. Prevención", rows[TestPlan.National].Cell(AxisColumn).GetString());
        Assert.Equal("2. Atención Integral", rows[TestPlan.National2].Cell(AxisColumn).GetString());
        Assert.Equal("Programado 2021 (% de la actividad)", ws.Cell(HeaderRow, ProgramadoColumn).GetString());
        Assert.Equal("Ejecutado 2021 a la fecha (% de la actividad, escala de Programado)", ws.Cell(HeaderRow, EjecutadoColumn).GetString());
    }

    [Fact]
    public void A_country_sheet_has_no_regional_activity_and_the_secretariat_sheet_no_national_one()
    {
        using var country = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(TestPlan.Guatemala, Q3, Language.Es)));
        using var st = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(TestPlan.Secretariat, Q3, Language.Es)));

        var countryCodes = Codes(country.Worksheet(ReportSheetEs));
        var stCodes = Codes(st.Worksheet(ReportSheetEs));

        Assert.Equal([TestPlan.National, TestPlan.Shared, TestPlan.NotPlannedIn2021, TestPlan.National2], countryCodes);
        Assert.DoesNotContain(TestPlan.Regional, countryCodes);
        Assert.Equal([TestPlan.Shared, TestPlan.Regional], stCodes);
    }

    [Fact]
    public void Instructions_tell_where_to_upload_how_to_validate_and_the_deadline()
    {
        using var wb = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(TestPlan.Guatemala with { Zone = RealPlan.Unit("GT").Zone }, Q3, Language.Es)));
        var text = string.Join("\n", wb.Worksheet(InstructionsSheetEs).CellsUsed().Select(c => c.GetString()));

        Assert.Contains("uploads/GT/2021-Q3/plantilla-GT-2021-Q3.xlsx", text);
        Assert.Contains("/api/validate", text);
        // The quarter ends 30 September, default 30 days; the day ends at midnight on Guatemala's clock, named.
        Assert.Contains("Último día para enviar: 30 de octubre de 2021, hasta las 23:59 (hora de Guatemala, UTC−6).", text);
        Assert.Contains("«en proceso»", text);
        Assert.Contains("Último día para enviar: 30 de octubre de 2021", wb.Worksheet(ReportSheetEs).Cell(HeaderRow - 1, 1).GetString());

        using var english = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(TestPlan.Belize with { Zone = RealPlan.Unit("BZ").Zone }, Q3, Language.En)));
        var englishText = string.Join("\n", english.Worksheet(InstructionsSheetEn).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("Last day to send: 30 October 2021, until 23:59 (Belize time, UTC−6).", englishText);
        Assert.Contains("Last day to send: 30 October 2021, until 23:59 (Belize time, UTC−6)", english.Worksheet(ReportSheetEn).Cell(HeaderRow - 1, 1).GetString());
    }

    [Fact]
    public void Instructions_say_ejecutado_is_on_programados_scale_with_an_example_from_the_units_own_activities()
    {
        using var wb = new XLWorkbook(new MemoryStream(RealPlanWriter().Write(RealPlan.Unit("CR"), Q3, Language.Es)));
        var text = string.Join("\n", wb.Worksheet(InstructionsSheetEs).CellsUsed().Select(c => c.GetString()));
        using var en = new XLWorkbook(new MemoryStream(RealPlanWriter().Write(RealPlan.Unit("BZ"), Q3, Language.En)));
        var englishText = string.Join("\n", en.Worksheet(InstructionsSheetEn).CellsUsed().Select(c => c.GetString()));

        // The seed's own example: 1.2 is programmed 10 % in 2020 and 90 % in 2021.
        Assert.Contains("en la misma escala que Programado", text);
        Assert.Contains("Ejemplo: la actividad 1.2 tiene programado 90 para 2021. Si se hizo todo lo previsto para 2021, escriba 90 (no 100); si se hizo la mitad, escriba 45.", text);
        Assert.DoesNotContain("cuánto de la meta del año", text);
        Assert.Contains("on the same scale as Programmed", englishText);
        Assert.Contains("Example: activity 1.2 is programmed at 90 for 2021. If everything planned for 2021 is done, type 90 (not 100); if half of it is done, type 45.", englishText);
        Assert.Contains("«no aplica» significa que la actividad no corresponde a Costa Rica", text);
    }

    [Fact]
    public void A_units_part_without_a_programado_below_100_gets_a_generic_example()
    {
        var text = TemplateTexts.EjecutadoExample(Q3, Language.Es, []);

        Assert.Equal("Ejemplo: una actividad tiene programado 30 para 2021. Si se hizo todo lo previsto para 2021, escriba 30 (no 100); si se hizo la mitad, escriba 15. " +
            "No escriba 100 para decir «se cumplió la meta del año»: se leería como la actividad entera hecha.", text);
    }

    [Theory]
    [InlineData(Language.Es)]
    [InlineData(Language.En)]
    public void Every_printable_sheet_prints_landscape_one_page_wide_with_its_header_rows_repeated(Language language)
    {
        using var wb = new XLWorkbook(new MemoryStream(TestPlan.Writer().Write(TestPlan.Belize, Q3, language)));

        foreach (var (sheet, titleRow) in new[] { (ReportSheet(language), HeaderRow), (InstructionsSheet(language), 1) })
        {
            var page = wb.Worksheet(sheet).PageSetup;
            Assert.Equal(XLPageOrientation.Landscape, page.PageOrientation);
            Assert.Equal(1, page.PagesWide);
            Assert.Equal(0, page.PagesTall);
            Assert.Equal(titleRow, page.FirstRowToRepeatAtTop);
            Assert.Equal(titleRow, page.LastRowToRepeatAtTop);
        }
    }

    [Fact]
    public void Rows_of_wrapped_text_are_tall_enough_for_it_in_readers_that_do_not_resize_rows()
    {
        using var wb = new XLWorkbook(new MemoryStream(RealPlanWriter().Write(RealPlan.Unit("GT"), Q3, Language.Es)));
        var ws = wb.Worksheet(ReportSheetEs);

        for (var row = FirstDataRow; !ws.Cell(row, CodeColumn).IsEmpty(); row++)
        {
            foreach (var column in new[] { ActivityColumn, MetaColumn, IndicadorColumn, ResponsableColumn })
            {
                var lines = RowHeights.Lines(ws.Cell(row, column).GetString(), ws.Column(column).Width);
                Assert.True(ws.Row(row).Height >= lines * RowHeights.LineHeight, $"row {row} is {ws.Row(row).Height} pt for {lines} lines");
            }
        }
    }

    [Theory]
    [InlineData("GT", Language.Es)]
    [InlineData("BZ", Language.En)]
    [InlineData("ST", Language.Es)]
    public void No_cell_holds_a_number_as_text(string unit, Language language)
    {
        using var wb = new XLWorkbook(new MemoryStream(RealPlanWriter().Write(RealPlan.Unit(unit), Q3, language)));

        var numbersAsText = wb.Worksheets.Where(w => w.Name != MetadataSheet).SelectMany(w => w.CellsUsed())
            .Where(c => c.DataType == XLDataType.Text && double.TryParse(c.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(c => $"{c.Worksheet.Name}!{c.Address}: «{c.GetString()}»").ToList();
        Assert.True(numbersAsText.Count == 0, string.Join("\n", numbersAsText));
        Assert.Equal(XLDataType.Number, wb.Worksheet(ReportSheet(language)).Cell(FirstDataRow + 1, ProgramadoColumn).DataType);
    }

    private static TemplateWriter RealPlanWriter() => new(RealPlan.Plans, Options.Create(new ReportingOptions()));

    [Fact]
    public void Rejects_a_period_outside_the_plan_with_a_clear_message()
    {
        var ex = Assert.Throws<TemplateRequestException>(() =>
            TestPlan.Writer().Write(new MemoryStream(), TestPlan.Guatemala, new ReportingPeriod(2023, 1), Language.Es));

        Assert.Contains("2023", ex.Message);
        Assert.Contains("2020–2022", ex.Message);
        Assert.Contains("fuera de los planes vigentes: test (2020–2022)", ex.Text.Es);
    }

    [Fact]
    public void Rejects_missing_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => TestPlan.Writer().Write(null!, TestPlan.Guatemala, Q3, Language.Es));
        Assert.Throws<ArgumentNullException>(() => TestPlan.Writer().Write(new MemoryStream(), null!, Q3, Language.Es));
    }

    private static List<string> Codes(IXLWorksheet ws) =>
        ws.Column(CodeColumn).CellsUsed().Where(c => c.Address.RowNumber >= FirstDataRow).Select(c => c.GetString()).ToList();
}
