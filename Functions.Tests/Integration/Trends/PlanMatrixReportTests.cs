using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.PlanMatrix;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Trends;

/// <summary>
/// The filled plan matrix (<c>plan-report</c>, the trends page's download) opened with ClosedXML: the plan in the
/// seed's layout, each year's ejecutado the progress page's figure for the year's last reported quarter at the same
/// instant, with its coverage; years not complete marked; Spanish and English; set to print on A4 landscape.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Collection(AzuriteCollection.Name)]
public sealed class PlanMatrixReportTests(AzuriteFixture azurite)
{
    /// <summary>After 2021-Q4's deadline: the calendar's quarter is 2021-Q4 and both years with reports are complete.</summary>
    private static readonly DateTimeOffset AfterThePlansSecondYear = new(2022, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Before 2021-Q4 is due: the calendar's quarter is 2021-Q3, so 2021 is in progress.</summary>
    private static readonly DateTimeOffset DuringTheSecondYear = new(2021, 12, 15, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(FilledPlanMatrix Matrix, XLWorkbook Workbook)> BuildAsync(TestStorage storage, DateTimeOffset now, Language language, int? year = null)
    {
        var report = ReportStorage.PlanMatrix(storage, now, RealPlan.Catalog, RealPlan.Units);
        var matrix = await report.BuildAsync(RealPlan.Catalog, year, default);
        var output = new MemoryStream();
        report.Write(output, matrix, language);
        output.Position = 0;
        return (matrix, new XLWorkbook(output));
    }

    [Fact]
    public async Task The_plan_in_the_seed_layout_carries_each_years_last_reported_quarter_as_the_progress_page_computes_it()
    {
        var storage = new TestStorage(azurite);
        await TrendStory.SeedAsync(storage, 11);
        var (matrix, workbook) = await BuildAsync(storage, AfterThePlansSecondYear, Language.Es);
        using var opened = workbook;
        var sheet = new PlanMatrixReading(workbook, "Matriz", "Año");
        var service = ReportStorage.Service(storage, out _, now: AfterThePlansSecondYear, catalog: RealPlan.Catalog, units: RealPlan.Units);

        // The seed's columns, then Programado and Ejecutado under each year of the plan.
        Assert.Equal(["Código", "Objetivo operativo", "Actividad", "Meta", "Indicador", "Responsable", "Programado", "Ejecutado", "Programado", "Ejecutado", "Programado", "Ejecutado"],
            sheet.SecondHeaderRow);
        Assert.Equal(["Año 2020 (al 2020-Q4)", "Año 2021 (al 2021-Q4)", "Año 2022: sin informes"], sheet.YearTitles.Values);
        // Axis → strategic objective → activities, in plan order, each band above its activities.
        Assert.Equal(RealPlan.Catalog.Activities.Select(a => a.Code), sheet.Rows.Keys);
        foreach (var axis in RealPlan.Catalog.Axes)
        {
            var band = sheet.Sheet.RowsUsed().Single(r => r.Cell(1).GetString() == $"Eje {axis.Code}: {axis.Name.Es}").RowNumber();
            var first = axis.StrategicObjectives[0];
            Assert.Equal($"Objetivo estratégico {first.Label} {first.Text}".Trim(), sheet.Sheet.Cell(band + 1, 1).GetString());
            Assert.Equal(band + 2, sheet.Rows[first.OperationalObjectives[0].Activities[0].Code]);
        }

        foreach (var activity in RealPlan.Catalog.Activities)
        {
            Assert.Equal($"{activity.Label} {activity.Text}".Trim(), sheet.Text(activity.Code, 3));
            Assert.Equal((activity.Meta, activity.Indicador, activity.Responsable), (sheet.Text(activity.Code, 4), sheet.Text(activity.Code, 5), sheet.Text(activity.Code, 6)));
        }

        foreach (var year in matrix.Years)
        {
            // The year's last quarter with an accepted sheet, and nothing later in the year has one.
            var basis = year.Basis?.Period;
            Assert.Equal(year.Year <= 2021, basis is not null);
            if (basis is { } b) Assert.Equal(new ReportingPeriod(year.Year, 4), b);
            var progress = basis is { } p ? (await service.CalculateAsync(p, default)).Progress : null;
            foreach (var activity in RealPlan.Catalog.Activities)
            {
                var cells = sheet.Cells(activity.Code, year.Year);
                Assert.Equal((double?)activity.ForYear(year.Year)?.Programado, cells.Programado);
                Assert.False(cells.Italic);
                if (progress is null)
                {
                    Assert.Equal(("", (double?)null), (cells.Shown, cells.Ejecutado));
                    continue;
                }

                SaysTheFigure(progress.Activities.Single(a => a.Activity.Code == activity.Code), cells, Language.Es);
            }
        }

        // A4 landscape, one page wide, the two header rows on every page.
        var page = sheet.Sheet.PageSetup;
        Assert.Equal((XLPageOrientation.Landscape, XLPaperSize.A4Paper, 1, 0), (page.PageOrientation, page.PaperSize, page.PagesWide, page.PagesTall));
        Assert.Equal((3, 4), (page.FirstRowToRepeatAtTop, page.LastRowToRepeatAtTop));
    }

    [Fact]
    public async Task A_year_not_complete_is_marked_and_a_year_asked_for_bounds_the_quarters_read()
    {
        var storage = new TestStorage(azurite);
        await TrendStory.SeedAsync(storage, 12);
        var service = ReportStorage.Service(storage, out _, now: DuringTheSecondYear, catalog: RealPlan.Catalog, units: RealPlan.Units);

        var (matrix, workbook) = await BuildAsync(storage, DuringTheSecondYear, Language.Es);
        using (workbook)
        {
            var sheet = new PlanMatrixReading(workbook, "Matriz", "Año");
            var basis = matrix.Years.Single(y => y.Year == 2021).Basis!.Period;
            Assert.True(basis <= new ReportingPeriod(2021, 3));
            Assert.False(matrix.Years.Single(y => y.Year == 2021).IsComplete);
            Assert.Equal($"Año 2021: en curso (al {basis})", sheet.YearTitles[2021]);
            var progress = (await service.CalculateAsync(basis, default)).Progress;
            foreach (var activity in RealPlan.Catalog.Activities)
            {
                var cells = sheet.Cells(activity.Code, 2021);
                Assert.True(cells.Italic);
                SaysTheFigure(progress.Activities.Single(a => a.Activity.Code == activity.Code), cells, Language.Es);
            }
        }

        // --year 2020: the matrix as at the end of 2020, nothing of 2021 read.
        var (upTo2020, earlier) = await BuildAsync(storage, DuringTheSecondYear, Language.Es, year: 2020);
        using (earlier)
        {
            Assert.Equal(new ReportingPeriod(2020, 4), upTo2020.Through);
            var sheet = new PlanMatrixReading(earlier, "Matriz", "Año");
            Assert.Equal(["Año 2020 (al 2020-Q4)", "Año 2021: sin informes", "Año 2022: sin informes"], sheet.YearTitles.Values);
            Assert.All(RealPlan.Catalog.Activities, a => Assert.Equal("", sheet.Cells(a.Code, 2021).Shown));
        }
    }

    [Fact]
    public async Task In_English_every_word_and_coverage_is_English_and_the_figures_are_the_same()
    {
        var storage = new TestStorage(azurite);
        await TrendStory.SeedAsync(storage, 13);
        var (matrix, workbook) = await BuildAsync(storage, AfterThePlansSecondYear, Language.En);
        using var opened = workbook;
        var sheet = new PlanMatrixReading(workbook, "Matrix", "Year");
        var service = ReportStorage.Service(storage, out _, now: AfterThePlansSecondYear, catalog: RealPlan.Catalog, units: RealPlan.Units);

        Assert.StartsWith(RealPlan.Catalog.Title.En, sheet.Sheet.Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal(["Code", "Operational objective", "Activity", "Target (meta)", "Indicator (indicador)", "Responsible (responsable)", "Programmed", "Executed"],
            sheet.SecondHeaderRow.Take(8));
        Assert.Equal(["Year 2020 (to 2020-Q4)", "Year 2021 (to 2021-Q4)", "Year 2022: no reports"], sheet.YearTitles.Values);
        var progress = (await service.CalculateAsync(matrix.Years[1].Basis!.Period, default)).Progress;
        foreach (var activity in RealPlan.Catalog.Activities)
        {
            var english = activity.TextsIn(Language.En);
            Assert.Equal($"{activity.Label} {english.Text}".Trim(), sheet.Text(activity.Code, 3));
            Assert.Equal(english.Meta, sheet.Text(activity.Code, 4));
            SaysTheFigure(progress.Activities.Single(a => a.Activity.Code == activity.Code), sheet.Cells(activity.Code, 2021), Language.En);
        }
    }

    [Fact]
    public async Task The_file_is_valid_Open_XML_and_keeps_the_seeds_bands_merges_and_frozen_headers()
    {
        var storage = new TestStorage(azurite);
        await TrendStory.SeedAsync(storage, 14);
        var report = ReportStorage.PlanMatrix(storage, DuringTheSecondYear, RealPlan.Catalog, RealPlan.Units);
        var matrix = await report.BuildAsync(RealPlan.Catalog, null, default);
        var output = new MemoryStream();
        report.Write(output, matrix, Language.Es);

        output.Position = 0;
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(output, false))
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016)
                .Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        output.Position = 0;
        using var workbook = new XLWorkbook(output);
        var sheet = new PlanMatrixReading(workbook, "Matriz", "Año");
        var ws = sheet.Sheet;
        var lastColumn = FilledPlanMatrixWriter.FixedColumns + matrix.Years.Count * 2;
        Assert.Equal((FilledPlanMatrixWriter.ColumnHeaderRow, 1), (ws.SheetView.SplitRow, ws.SheetView.SplitColumn));
        Assert.True(ws.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(lastColumn, ws.Cell(FilledPlanMatrixWriter.ExplanationRow, 1).MergedRange().ColumnCount());
        // The fixed titles span both header rows; each year's title its two columns, the year in progress italic on grey.
        Assert.All(Enumerable.Range(1, FilledPlanMatrixWriter.FixedColumns), c => Assert.Equal(2, ws.Cell(FilledPlanMatrixWriter.YearHeaderRow, c).MergedRange().RowCount()));
        var inProgress = FilledPlanMatrixWriter.ProgramadoColumn(matrix.Years.ToList().FindIndex(y => y.Year == 2021));
        Assert.Equal(2, ws.Cell(FilledPlanMatrixWriter.YearHeaderRow, inProgress).MergedRange().ColumnCount());
        Assert.True(ws.Cell(FilledPlanMatrixWriter.YearHeaderRow, inProgress).Style.Font.Italic);
        Assert.False(ws.Cell(FilledPlanMatrixWriter.YearHeaderRow, 1).Style.Font.Italic);
        Assert.True(ws.Cell(FilledPlanMatrixWriter.ColumnHeaderRow, 1).Style.Font.Bold);

        foreach (var axis in RealPlan.Catalog.Axes)
        {
            // A band per axis across the table, bold on its fill, tall enough for its text.
            var band = ws.RowsUsed().Single(r => r.Cell(1).GetString() == $"Eje {axis.Code}: {axis.Name.Es}");
            Assert.Equal(lastColumn, band.Cell(1).MergedRange().ColumnCount());
            Assert.True(band.Cell(1).Style.Font.Bold);
            Assert.NotEqual(ws.Cell(sheet.Rows[axis.StrategicObjectives[0].OperationalObjectives[0].Activities[0].Code], 1).Style.Fill.BackgroundColor, band.Cell(1).Style.Fill.BackgroundColor);
            foreach (var operational in axis.StrategicObjectives.SelectMany(s => s.OperationalObjectives).Where(o => o.Activities.Count > 0))
            {
                // The operational objective once beside its activities, the rows together tall enough for it.
                var first = sheet.Rows[operational.Activities[0].Code];
                var cell = ws.Cell(first, 2);
                Assert.Equal($"{operational.Label} {operational.Text}".Trim(), cell.GetString());
                Assert.Equal(operational.Activities.Count > 1, cell.IsMerged());
                if (operational.Activities.Count > 1)
                {
                    Assert.Equal(operational.Activities.Count, cell.MergedRange().RowCount());
                    var height = Enumerable.Range(first, operational.Activities.Count).Sum(r => ws.Row(r).Height);
                    Assert.True(height >= RowHeights.Lines(cell.GetString(), ws.Column(2).Width) * RowHeights.LineHeight - 0.01);
                }
            }
        }

        // Every activity row in the table's borders and wrapped, tall enough for its longest text.
        foreach (var (code, row) in sheet.Rows)
        {
            Assert.Equal(XLBorderStyleValues.Thin, ws.Cell(row, lastColumn).Style.Border.RightBorder);
            Assert.True(ws.Cell(row, 3).Style.Alignment.WrapText);
            Assert.True(ws.Row(row).Height >= RowHeights.Lines(ws.Cell(row, 3).GetString(), ws.Column(3).Width) * RowHeights.LineHeight - 0.01, code);
        }
    }

    /// <summary>The cell holds the regional ejecutado and shows its "k de n", or says there is no report, or that nobody it applies to.</summary>
    internal static void SaysTheFigure(ActivityProgress expected, PlanMatrixCells cells, Language language)
    {
        var of = language == Language.En ? "of" : "de";
        if (expected.RegionalEjecutado is { } value)
        {
            Assert.Equal(value, cells.Ejecutado!.Value, 9);
            Assert.Equal($"0.0\" % ({expected.Reporting} {of} {expected.Expected})\"", cells.Shown);
        }
        else if (expected.IsNotApplicableToAll)
        {
            Assert.Equal(language == Language.En ? $"not applicable ({expected.NotApplicable} of {expected.NotApplicable})" : $"no aplica ({expected.NotApplicable} de {expected.NotApplicable})", cells.Shown);
        }
        else if (expected.IsProgrammed && expected.Expected > 0)
        {
            Assert.Equal(language == Language.En ? $"no report (0 of {expected.Expected})" : $"sin informe (0 de {expected.Expected})", cells.Shown);
        }
        else
        {
            Assert.Equal(("", (double?)null), (cells.Shown, cells.Ejecutado));
        }
    }
}
