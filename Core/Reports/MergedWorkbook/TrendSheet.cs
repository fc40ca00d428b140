using ClosedXML.Excel;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The <i>Tendencias</i> sheet, in tidy form: one row per quarter of the plan up to the workbook's and per axis (then
/// the whole plan, axis left blank), with execution, its lower bound, the units with data and the units expected — the
/// trends page's figures (<see cref="TrendSeries"/>), numbers stored as numbers at full precision.
/// </summary>
internal static class TrendSheet
{
    public const string Name = "Tendencias";
    public const string TotalName = "Total";

    public static readonly string[] Headers =
    [
        "Periodo", "Año", "Trimestre", "Eje", "Nombre del eje", "Ejecución (%)", "Cota inferior (%)", "Unidades con datos", "Unidades esperadas",
        "Actividades con datos", "Actividades programadas",
    ];

    public static void Write(XLWorkbook workbook, IReadOnlyList<TrendQuarter> quarters)
    {
        var ws = workbook.Worksheets.Add(Name);
        for (var c = 0; c < Headers.Length; c++) ws.Cell(1, c + 1).Value = Headers[c];
        ws.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var q in quarters)
        {
            foreach (var axis in q.Axes)
                Row(ws, row++, q, int.TryParse(axis.AxisCode, out var n) ? n : null, axis.Name.Es, axis.Figures);
            Row(ws, row++, q, null, TotalName, q.Overall);
        }

        ws.Column(6).Style.NumberFormat.Format = "0.0";
        ws.Column(7).Style.NumberFormat.Format = "0.0";
        ws.Range(1, 1, Math.Max(row - 1, 2), Headers.Length).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        // Fixed widths: measuring text (AdjustToContents) needs System.Drawing, which is Windows-only.
        SheetCells.Widths(ws, [10, 7, 10, 6, 36, 14, 16, 18, 18, 20, 22]);
        PrintLayout.Apply(ws, 1, 1);
    }

    private static void Row(IXLWorksheet ws, int row, TrendQuarter q, int? axis, string name, ProgressFigures f)
    {
        ws.Cell(row, 1).Value = q.Period.ToString();
        ws.Cell(row, 2).Value = q.Period.Year;
        ws.Cell(row, 3).Value = q.Period.Quarter;
        if (axis is { } a) ws.Cell(row, 4).Value = a;
        ws.Cell(row, 5).Value = name;
        if (f.Execution is { } e) ws.Cell(row, 6).Value = e;
        if (f.LowerBoundExecution is { } lb) ws.Cell(row, 7).Value = lb;
        ws.Cell(row, 8).Value = f.UnitsReporting;
        ws.Cell(row, 9).Value = f.UnitsExpected;
        ws.Cell(row, 10).Value = f.ActivitiesReported;
        ws.Cell(row, 11).Value = f.ActivitiesPlanned;
    }
}
