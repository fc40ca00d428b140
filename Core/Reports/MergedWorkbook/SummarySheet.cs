using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The "Resumen" sheet, completeness first: who reported and who did not, then the headline figures each with its
/// coverage and lower bound, the per-axis, per-unit and most-behind tables (<see cref="SummaryTables"/>), and the rules
/// behind every figure (<see cref="RegionalProgressRules"/>). Every number is a number; counts are whole.
/// </summary>
internal static class SummarySheet
{
    public const string Name = "Resumen";

    /// <summary>Label in column A of the axis table's overall row.</summary>
    public const string TotalLabel = "Total";

    /// <summary>Label in column A of the headline figures' table header.</summary>
    public const string FiguresHeader = "Cifra / Figure";

    public const int LastColumn = 13;

    public static void Write(XLWorkbook workbook, PlanCatalog catalog, RegionalProgress progress)
    {
        var ws = workbook.Worksheets.Add(Name);
        SheetCells.Widths(ws, 12, 34, 20, 14, 14, 14, 14, 14, 14, 14, 14, 24, 24);

        ws.Cell(1, 1).Text($"{catalog.Title.Es} — consolidado regional, {progress.Period.Label(Localization.Language.Es)}");
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        ws.Cell(2, 1).Text($"{catalog.Title.En} — regional consolidation, {progress.Period.Label(Localization.Language.En)}");
        ws.Cell(2, 1).Style.Font.Italic = true;

        var row = 3;
        // A record rebuilt as of a past instant says so before anything else.
        if (RegionalHeadline.AsOf(progress, Language.Es) is { } asOf)
        {
            row = Bilingual(ws, row + 1, asOf, RegionalHeadline.AsOf(progress, Language.En)!);
            ws.Range(row - 1, 1, row, LastColumn).Style.Font.Bold = true;
            row++;
        }

        // The headline as the digest and the CLI word it: who reported, then the figures.
        ws.Cell(++row, 1).Text("Quién informó / Who reported").Style.Font.Bold = true;
        row = Sentences(ws, row, RegionalHeadline.WhoReported(progress, Language.Es), RegionalHeadline.WhoReported(progress, Language.En));
        row += 2;
        ws.Cell(row, 1).Text("Cifras principales / Headline figures").Style.Font.Bold = true;
        row = Sentences(ws, row, RegionalHeadline.FigureLines(progress, Language.Es), RegionalHeadline.FigureLines(progress, Language.En));

        row = Figures(ws, row + 2, progress);
        row = SummaryTables.Axes(ws, row + 2, progress);
        row = SummaryTables.Units(ws, row + 2, progress);
        row = SummaryTables.MostBehind(ws, row + 2, progress);
        Rules(ws, row + 2);

        SheetCells.AlignTop(ws);
        ws.SheetView.FreezeRows(2);
        PrintLayout.Apply(ws, 1, 2);
    }

    /// <summary>Each sentence in Spanish and English (<see cref="Bilingual"/>) after <paramref name="row"/>; returns the last row written.</summary>
    private static int Sentences(IXLWorksheet ws, int row, IReadOnlyList<string> spanish, IReadOnlyList<string> english)
    {
        for (var i = 0; i < spanish.Count; i++) row = Bilingual(ws, row + 1, spanish[i], english[i]);
        return row;
    }

    /// <summary>A headline sentence in Spanish, and in English (italic) on the row below; returns the last row written.</summary>
    private static int Bilingual(IXLWorksheet ws, int row, string spanish, string english)
    {
        SheetCells.Sentence(ws, row, 1, LastColumn, spanish);
        SheetCells.Sentence(ws, row + 1, 1, LastColumn, english).Style.Font.Italic = true;
        ws.Cell(row + 1, 1).Style.Font.FontColor = XLColor.FromHtml("#555555");
        return row + 1;
    }

    /// <summary>The headline figures as numbers, each with its coverage (k of n) beside it.</summary>
    private static int Figures(IXLWorksheet ws, int row, RegionalProgress progress)
    {
        var f = progress.Overall;
        SheetCells.Header(ws, row, FiguresHeader, "", "Valor / Value", "Informado (k) / Reported", "Esperado (n) / Expected",
            "Cobertura / Coverage");
        ws.Range(row, 1, row, 2).Merge();

        Figure(ws, ++row, "Ejecución (% de lo programado del año), sobre lo informado / Execution over what was reported",
            c => c.Percent(f.Execution), f.ActivitiesReported, f.ActivitiesPlanned, "actividades programadas con datos / programmed activities with data");
        Figure(ws, ++row, "Ejecución: cota inferior (lo que falta = 0) / Execution: lower bound (missing = 0)",
            c => c.Percent(f.LowerBoundExecution), f.ValuesReported, f.ValuesExpected, "valores de unidades / unit values");
        Figure(ws, ++row, "Ejecutado regional medio (%) / Mean regional ejecutado",
            c => c.Percent(f.MeanEjecutado), f.ActivitiesReported, f.ActivitiesPlanned, "actividades / activities");
        Figure(ws, ++row, "Programado medio (%), mismas actividades / Mean programado, same activities",
            c => c.Percent(f.MeanProgramado), f.ActivitiesReported, f.ActivitiesPlanned, "actividades / activities");
        Figure(ws, ++row, "Ejecutado medio, cota inferior (%) / Mean ejecutado, lower bound",
            c => c.Percent(f.LowerBoundEjecutado), f.ValuesReported, f.ValuesExpected, "valores de unidades / unit values");
        Figure(ws, ++row, "Programado medio (%), todas las programadas / Mean programado, all programmed",
            c => c.Percent(f.PlannedMeanProgramado), f.ActivitiesPlanned, f.ActivitiesPlanned, "actividades / activities");
        Figure(ws, ++row, "Unidades que informaron / Units reported",
            c => c.Count(progress.UnitsReported), progress.UnitsReported, progress.UnitsExpected, "unidades / units");
        Figure(ws, ++row, "Trimestres transcurridos del año / Quarters of the year gone",
            c => c.Count(progress.QuartersElapsed), progress.QuartersElapsed, 4, "trimestres / quarters");
        Figure(ws, ++row, $"{DeadlineText.Label.Es} / {DeadlineText.Label.En}", c => c.Day(progress.LastDayToSend), null, null, "");
        Figure(ws, ++row, "Cambio comparable desde / Like-for-like change since",
            c => c.Text(progress.ComparedWith?.Bilingual() ?? "— (primer trimestre del año / first quarter of the year)"), null, null,
            "solo unidades que informaron en ambos trimestres / only units that reported in both quarters");
        return row;
    }

    private static void Figure(IXLWorksheet ws, int row, string label, Action<IXLCell> value, int? reported, int? expected, string coverage)
    {
        SheetCells.Sentence(ws, row, 1, 2, label).Style.Font.Bold = true;
        value(ws.Cell(row, 3));
        ws.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        if (reported is { } k) ws.Cell(row, 4).Count(k);
        if (expected is { } n) ws.Cell(row, 5).Count(n);
        ws.Range(row, 6, row, 9).Merge();
        ws.Cell(row, 6).Text(coverage);
    }

    private static void Rules(IXLWorksheet ws, int row)
    {
        ws.Cell(row, 1).Text("Reglas de cálculo / Calculation rules").Style.Font.Bold = true;
        foreach (var line in RegionalProgressRules.Lines)
        {
            SheetCells.Sentence(ws, ++row, 1, LastColumn, line.Es);
            SheetCells.Sentence(ws, ++row, 1, LastColumn, line.En).Style.Font.Italic = true;
        }
    }
}
