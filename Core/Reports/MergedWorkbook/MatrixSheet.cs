using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The "Matriz" sheet: the plan matrix in the seed document's layout with the values the matrix records (programado
/// and ejecutado per year, as the plan states them), and beside them — highlighted and labelled, so it is never
/// mistaken for a recorded value — the period's regional ejecutado computed from the units' sheets, with how many
/// units it covers.
/// </summary>
internal static class MatrixSheet
{
    public const string Name = "Matriz";
    public const int HeaderRow = 3;
    private const int FixedColumns = 5;

    public static readonly XLColor RegionalFill = XLColor.FromHtml("#FFF2CC");

    /// <summary>The computed columns after the years: regional ejecutado, units that reported, units expected.</summary>
    private const int ComputedColumns = 3;

    public static void Write(XLWorkbook workbook, PlanCatalog catalog, RegionalProgress progress)
    {
        var ws = workbook.Worksheets.Add(Name);
        var years = Enumerable.Range(catalog.FirstYear, catalog.LastYear - catalog.FirstYear + 1).ToList();
        var regionalColumn = FixedColumns + years.Count * 2 + 1;
        var lastColumn = regionalColumn + ComputedColumns - 1;
        SheetCells.Widths(ws, [36, 48, 30, 30, 26, .. years.SelectMany(_ => new double[] { 12, 12 }), 16, 11, 11]);

        ws.Cell(1, 1).Text($"{catalog.Title.Es} / {catalog.Title.En}").Style.Font.Bold = true;
        ws.Range(2, 1, 2, lastColumn).Merge();
        ws.Cell(2, 1).Text(
            $"Programado y ejecutado por año: los valores que registra la matriz del plan. Columnas resaltadas: ejecutado REGIONAL al {progress.Period.Label(Localization.Language.Es)}, " +
            $"calculado de las planillas (promedio de las unidades que informaron; ver hoja {SummarySheet.Name}). / Programado and ejecutado per year: " +
            $"the values the plan matrix records. Highlighted columns: REGIONAL ejecutado to the {progress.Period.Label(Localization.Language.En)}, computed from the units' sheets.");
        ws.Cell(2, 1).Style.Fill.BackgroundColor = RegionalFill;
        ws.Cell(2, 1).Style.Alignment.WrapText = true;
        RowHeights.FitMerged(ws, 2, 2, ws.Cell(2, 1).GetString(), Enumerable.Range(1, lastColumn).Sum(c => ws.Column(c).Width));

        var titles = new List<string> { "Objetivo operativo", "Actividad", "Meta", "Indicador", "Responsable" };
        foreach (var y in years)
        {
            titles.Add($"Programado {y} (%) — matriz");
            titles.Add($"Ejecutado {y} (%) — registrado en la matriz");
        }
        titles.Add($"Ejecutado {progress.Period.Year} (%) — regional al {progress.Period.Label(Localization.Language.Es)}, calculado");
        titles.Add("Unidades que informaron (k)");
        titles.Add("Unidades esperadas (n)");
        SheetCells.Header(ws, HeaderRow, [.. titles]);
        ws.Range(HeaderRow, regionalColumn, HeaderRow, lastColumn).Style.Fill.BackgroundColor = RegionalFill;

        var regional = progress.Activities.ToDictionary(a => a.Activity.Code, StringComparer.Ordinal);
        var row = HeaderRow;
        foreach (var axis in catalog.Axes)
        {
            Band(ws, ++row, lastColumn, $"Eje {axis.Code}: {axis.Name.Es} / {axis.Name.En}", "#BDD7EE");
            foreach (var strategic in axis.StrategicObjectives)
            {
                Band(ws, ++row, lastColumn, $"Objetivo estratégico {strategic.Label} {strategic.Text}".Trim(), "#DEEAF6");
                foreach (var operational in strategic.OperationalObjectives)
                {
                    var first = row + 1;
                    foreach (var activity in operational.Activities)
                    {
                        row++;
                        ws.Cell(row, 1).Text($"{operational.Label} {operational.Text}".Trim());
                        ws.Cell(row, 2).Text($"{activity.Label} {activity.Text}".Trim());
                        ws.Cell(row, 3).Text(activity.Meta);
                        ws.Cell(row, 4).Text(activity.Indicador);
                        ws.Cell(row, 5).Text(activity.Responsable);
                        var column = FixedColumns;
                        foreach (var y in years)
                        {
                            var recorded = activity.ForYear(y);
                            ws.Cell(row, ++column).Percent((double?)recorded?.Programado);
                            ws.Cell(row, ++column).Percent((double?)recorded?.Ejecutado);
                        }

                        if (regional.GetValueOrDefault(activity.Code) is { } computed)
                        {
                            ws.Cell(row, regionalColumn).Percent(computed.RegionalEjecutado);
                            ws.Cell(row, regionalColumn + 1).Count(computed.Reporting);
                            ws.Cell(row, regionalColumn + 2).Count(computed.Expected);
                        }
                        ws.Range(row, regionalColumn, row, lastColumn).Style.Fill.BackgroundColor = RegionalFill;
                        ws.Range(row, 1, row, FixedColumns).Style.Alignment.WrapText = true;
                        RowHeights.Fit(ws, row, 2, FixedColumns);
                    }

                    // The seed prints an operational objective once beside its activities.
                    if (row > first)
                    {
                        ws.Range(first, 1, row, 1).Merge();
                        RowHeights.FitMerged(ws, first, row, ws.Cell(first, 1).GetString(), ws.Column(1).Width);
                    }
                }
            }
        }

        var all = ws.Range(HeaderRow + 1, 1, Math.Max(row, HeaderRow + 1), FixedColumns);
        all.Style.Alignment.WrapText = true;
        ws.Range(HeaderRow, 1, Math.Max(row, HeaderRow + 1), lastColumn).SetAutoFilter();
        SheetCells.AlignTop(ws);
        ws.SheetView.Freeze(HeaderRow, 2);
        PrintLayout.Apply(ws, HeaderRow, HeaderRow);
    }

    private static void Band(IXLWorksheet ws, int row, int lastColumn, string text, string colour)
    {
        var range = ws.Range(row, 1, row, lastColumn);
        range.Merge();
        ws.Cell(row, 1).Text(text);
        range.Style.Alignment.WrapText = true;
        RowHeights.FitMerged(ws, row, row, text, Enumerable.Range(1, lastColumn).Sum(c => ws.Column(c).Width));
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml(colour);
    }
}
