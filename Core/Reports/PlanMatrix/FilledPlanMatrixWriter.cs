using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.Reports.PlanMatrix.FilledPlanMatrixTexts;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>
/// Writes the filled plan matrix in the seed document's layout: a band per axis and per strategic objective, then one
/// row per activity (code, operational objective, activity, meta, indicador, responsable) and, for each year, its
/// programado and ejecutado. An ejecutado cell holds the number at full precision and shows its coverage through its
/// number format ("57,0 % (7 de 9)"), so it stays a number an analyst can sum. A4 landscape, one page wide, the two
/// header rows on every page. Fixed widths: ClosedXML's AdjustToContents needs System.Drawing, absent on Linux.
/// </summary>
public sealed class FilledPlanMatrixWriter
{
    public const int TitleRow = 1;
    public const int ExplanationRow = 2;
    public const int YearHeaderRow = 3;
    public const int ColumnHeaderRow = 4;
    public const int FixedColumns = 6;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor AxisFill = XLColor.FromHtml("#BDD7EE");
    private static readonly XLColor StrategicFill = XLColor.FromHtml("#DEEAF6");

    /// <summary>An incomplete year's ejecutado: shaded and italic, and said in its header (never colour alone).</summary>
    public static readonly XLColor InProgressFill = XLColor.FromHtml("#EDEDED");

    /// <summary>The programado column of <paramref name="yearIndex"/> (0 = the plan's first year); ejecutado is the next.</summary>
    public static int ProgramadoColumn(int yearIndex) => FixedColumns + 1 + yearIndex * 2;

    public void Write(Stream output, FilledPlanMatrix matrix, Language l)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(matrix);
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet(SheetName(l));
        var lastColumn = FixedColumns + matrix.Years.Count * 2;
        SheetCells.Widths(ws, [9, 24, 34, 22, 22, 18, .. matrix.Years.SelectMany(_ => new double[] { 11, 15 })]);

        ws.Cell(TitleRow, 1).Text(Title(matrix.Plan, l)).Style.Font.SetBold().Font.SetFontSize(13);
        SheetCells.Sentence(ws, ExplanationRow, 1, lastColumn, Explanation(matrix, l));
        Headers(ws, matrix, l, lastColumn);

        var row = ColumnHeaderRow;
        foreach (var axis in matrix.Plan.Axes)
        {
            Band(ws, ++row, lastColumn, FilledPlanMatrixTexts.Axis(axis, l), AxisFill);
            foreach (var strategic in axis.StrategicObjectives)
            {
                Band(ws, ++row, lastColumn, Strategic(strategic, l), StrategicFill);
                foreach (var operational in strategic.OperationalObjectives)
                {
                    var first = row + 1;
                    foreach (var activity in operational.Activities)
                        ActivityRow(ws, ++row, matrix, operational, activity, l);

                    // The seed prints an operational objective once beside its activities.
                    if (row > first)
                    {
                        ws.Range(first, 2, row, 2).Merge();
                        RowHeights.FitMerged(ws, first, row, ws.Cell(first, 2).GetString(), ws.Column(2).Width);
                    }
                }
            }
        }

        var table = ws.Range(YearHeaderRow, 1, Math.Max(row, ColumnHeaderRow), lastColumn);
        table.Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        SheetCells.AlignTop(ws);
        ws.SheetView.Freeze(ColumnHeaderRow, 1);
        PrintLayout.Apply(ws, YearHeaderRow, ColumnHeaderRow);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        workbook.SaveAs(output);
    }

    private static void Headers(IXLWorksheet ws, FilledPlanMatrix matrix, Language l, int lastColumn)
    {
        string[] fixedTitles = [Code(l), Operational(l), Activity(l), Meta(l), Indicador(l), Responsable(l)];
        for (var c = 0; c < fixedTitles.Length; c++)
        {
            ws.Range(YearHeaderRow, c + 1, ColumnHeaderRow, c + 1).Merge();
            ws.Cell(YearHeaderRow, c + 1).Text(fixedTitles[c]);
        }

        var header = ws.Range(YearHeaderRow, 1, ColumnHeaderRow, lastColumn);
        header.Style.Font.Bold = true;
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Fill.BackgroundColor = HeaderFill;

        for (var i = 0; i < matrix.Years.Count; i++)
        {
            var column = ProgramadoColumn(i);
            ws.Range(YearHeaderRow, column, YearHeaderRow, column + 1).Merge();
            ws.Cell(YearHeaderRow, column).Text(Year(matrix.Years[i], l));
            ws.Cell(ColumnHeaderRow, column).Text(Programado(l));
            ws.Cell(ColumnHeaderRow, column + 1).Text(Ejecutado(l));
            if (matrix.Years[i] is { Basis: not null, IsComplete: false })
                ws.Range(YearHeaderRow, column, ColumnHeaderRow, column + 1).Style.Font.SetItalic().Fill.SetBackgroundColor(InProgressFill);
        }

        // A year's title wraps over its two narrow columns: room for three lines.
        ws.Row(YearHeaderRow).Height = 3 * RowHeights.LineHeight;
        ws.Row(ColumnHeaderRow).Height = RowHeights.LineHeight + 3;
    }

    private static void ActivityRow(IXLWorksheet ws, int row, FilledPlanMatrix matrix, OperationalObjective operational, PlanActivity activity, Language l)
    {
        var texts = activity.TextsIn(l);
        ws.Cell(row, 1).Text(activity.Code);
        ws.Cell(row, 2).Text($"{operational.Label} {operational.TextIn(l)}".Trim());
        ws.Cell(row, 3).Text($"{activity.Label} {texts.Text}".Trim());
        ws.Cell(row, 4).Text(texts.Meta);
        ws.Cell(row, 5).Text(texts.Indicador);
        ws.Cell(row, 6).Text(texts.Responsable);
        ws.Range(row, 1, row, FixedColumns).Style.Alignment.WrapText = true;

        for (var i = 0; i < matrix.Years.Count; i++)
        {
            var year = matrix.Years[i];
            var column = ProgramadoColumn(i);
            if (activity.ForYear(year.Year)?.Programado is { } programado)
            {
                ws.Cell(row, column).SetValue((double)programado);
                ws.Cell(row, column).Style.NumberFormat.Format = TemplateLayout.PercentDisplayFormat;
            }

            var ejecutado = ws.Cell(row, column + 1);
            if (year.Basis is null) continue;
            if (!year.IsComplete) ejecutado.Style.Font.SetItalic().Fill.SetBackgroundColor(InProgressFill);
            if (year.Basis.Activity(activity.Code) is not { } figures) continue;
            if (figures.RegionalEjecutado is { } value)
            {
                ejecutado.SetValue(value);
                ejecutado.Style.NumberFormat.Format = CoverageFormat(figures.Reporting, figures.Expected, l);
            }
            else if (figures.IsNotApplicableToAll)
            {
                ejecutado.Text(NotApplicable(figures.NotApplicable, l));
            }
            else if (figures.IsProgrammed && figures.Expected > 0)
            {
                ejecutado.Text(NoReport(figures.Expected, l));
            }
        }

        ws.Range(row, FixedColumns + 1, row, FixedColumns + matrix.Years.Count * 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        RowHeights.Fit(ws, row, 3, FixedColumns);
    }

    private static void Band(IXLWorksheet ws, int row, int lastColumn, string text, XLColor fill)
    {
        var range = ws.Range(row, 1, row, lastColumn);
        range.Merge();
        ws.Cell(row, 1).Text(text);
        range.Style.Alignment.WrapText = true;
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = fill;
        RowHeights.FitMerged(ws, row, row, text, Enumerable.Range(1, lastColumn).Sum(c => ws.Column(c).Width));
    }
}
