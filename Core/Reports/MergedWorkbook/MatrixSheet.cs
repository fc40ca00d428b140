using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The "Matriz" sheet: the plan matrix in the seed document's layout, with the catalog's printed values, and the
/// period's regional ejecutado (to date) in its year's column, highlighted so it is never mistaken for a printed value.
/// </summary>
internal static class MatrixSheet
{
    public const string Name = "Matriz";
    public const int HeaderRow = 3;
    private const int FixedColumns = 5;

    public static readonly XLColor RegionalFill = XLColor.FromHtml("#FFF2CC");

    public static void Write(XLWorkbook workbook, PlanCatalog catalog, RegionalProgress progress)
    {
        var ws = workbook.Worksheets.Add(Name);
        var years = Enumerable.Range(catalog.FirstYear, catalog.LastYear - catalog.FirstYear + 1).ToList();
        var lastColumn = FixedColumns + years.Count * 2;
        SheetCells.Widths(ws, [36, 48, 30, 30, 26, .. years.SelectMany(_ => new double[] { 12, 14 })]);

        ws.Cell(1, 1).Text($"Matriz del {catalog.Title.Es} / {catalog.Title.En}").Style.Font.Bold = true;
        ws.Range(2, 1, 2, lastColumn).Merge();
        ws.Cell(2, 1).Text(
            $"Celdas resaltadas: ejecutado REGIONAL al {progress.Period} (promedio de las unidades que informaron; ver hoja {SummarySheet.Name}). " +
            $"Sin resaltar: valores impresos en la matriz del plan. / Highlighted cells: REGIONAL ejecutado to {progress.Period} " +
            "(mean of the reporting units); other cells: values as printed in the plan matrix.");
        ws.Cell(2, 1).Style.Fill.BackgroundColor = RegionalFill;
        ws.Cell(2, 1).Style.Alignment.WrapText = true;
        ws.Row(2).Height = 32;

        var titles = new List<string> { "Objetivo operativo", "Actividad", "Meta", "Indicador", "Responsable" };
        foreach (var y in years)
        {
            titles.Add($"Programado {y} (%)");
            titles.Add(y == progress.Period.Year ? $"Ejecutado {y} (%) — regional al {progress.Period}" : $"Ejecutado {y} (%)");
        }
        SheetCells.Header(ws, HeaderRow, [.. titles]);
        ws.Row(HeaderRow).Height = 45;

        var regional = progress.Activities.ToDictionary(a => a.Activity.Code, a => a.RegionalEjecutado, StringComparer.Ordinal);
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
                            var printed = activity.ForYear(y);
                            ws.Cell(row, ++column).Percent((double?)printed?.Programado);
                            var ejecutado = ws.Cell(row, ++column);
                            if (y == progress.Period.Year && regional.GetValueOrDefault(activity.Code) is { } value)
                            {
                                ejecutado.Percent(value);
                                ejecutado.Style.Fill.BackgroundColor = RegionalFill;
                            }
                            else
                            {
                                ejecutado.Percent((double?)printed?.Ejecutado);
                            }
                        }
                    }

                    // The seed prints an operational objective once beside its activities.
                    if (row > first) ws.Range(first, 1, row, 1).Merge();
                }
            }
        }

        var all = ws.Range(HeaderRow + 1, 1, Math.Max(row, HeaderRow + 1), FixedColumns);
        all.Style.Alignment.WrapText = true;
        all.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        ws.Range(HeaderRow, 1, Math.Max(row, HeaderRow + 1), lastColumn).SetAutoFilter();
        ws.SheetView.Freeze(HeaderRow, 2);
    }

    private static void Band(IXLWorksheet ws, int row, int lastColumn, string text, string colour)
    {
        var range = ws.Range(row, 1, row, lastColumn);
        range.Merge();
        ws.Cell(row, 1).Text(text);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml(colour);
    }
}
