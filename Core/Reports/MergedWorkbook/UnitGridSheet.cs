using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The "Unidades × actividades" sheet: one row per activity, one column per unit with its ejecutado for the period,
/// then the regional value, its coverage and the change since the previous quarter. Grey = the unit does not report it.
/// </summary>
internal static class UnitGridSheet
{
    public const string Name = "Unidades × actividades";
    public const string NotApplicableText = "N/A";
    private const int FixedColumns = 5;

    public static readonly XLColor NotExpectedFill = XLColor.FromHtml("#D9D9D9");

    public static void Write(XLWorkbook workbook, ReportingUnits units, RegionalProgress progress)
    {
        var ws = workbook.Worksheets.Add(Name);
        var withStatus = progress.Units.Select(s => s.Unit.Code).ToHashSet(StringComparer.Ordinal);
        var unitList = units.All.Where(u => withStatus.Contains(u.Code)).ToList();
        var regionalColumn = FixedColumns + unitList.Count + 1;
        var lastColumn = regionalColumn + 2;

        var titles = new List<string> { "Eje", "Actividad", "Etiqueta", "Texto", $"Programado {progress.Period.Year} (%)" };
        titles.AddRange(unitList.Select(u => u.Code));
        titles.Add($"Regional al {progress.Period} (%)");
        titles.Add("Cobertura (k de n)");
        titles.Add(progress.ComparedWith is { } before ? $"Cambio desde {before} (puntos)" : "Cambio (n/d en el primer trimestre)");
        SheetCells.Header(ws, 1, [.. titles]);
        ws.Row(1).Height = 45;
        SheetCells.Widths(ws, [6, 12, 9, 50, 13, .. unitList.Select(_ => 8.0), 14, 12, 14]);

        var row = 1;
        foreach (var a in progress.Activities)
        {
            row++;
            ws.Cell(row, 1).Text(a.AxisCode);
            ws.Cell(row, 2).Text(a.Activity.Code);
            ws.Cell(row, 3).Text(a.Activity.Label);
            ws.Cell(row, 4).Text(a.Activity.Text);
            ws.Cell(row, 5).Percent(a.Programado);
            // A lookup per activity: scanning its cells for each unit would grow with units² × activities.
            var byUnit = a.Units.GroupBy(v => v.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            for (var i = 0; i < unitList.Count; i++)
            {
                var cell = ws.Cell(row, FixedColumns + 1 + i);
                var value = byUnit.GetValueOrDefault(unitList[i].Code);
                if (value is null) cell.Style.Fill.BackgroundColor = NotExpectedFill;
                else if (value.IsNotApplicable) cell.Text(NotApplicableText);
                else cell.Percent(value.Ejecutado);
            }
            ws.Cell(row, regionalColumn).Percent(a.RegionalEjecutado);
            ws.Cell(row, regionalColumn + 1).Text(a.Coverage);
            ws.Cell(row, regionalColumn + 2).Percent(a.Delta);
        }

        if (row > 1)
        {
            ws.Range(2, FixedColumns + 1, row, regionalColumn).AddConditionalFormat().ColorScale()
                .LowestValue(XLColor.FromHtml("#F8696B"))
                .Midpoint(XLCFContentType.Number, 50, XLColor.FromHtml("#FFEB84"))
                .HighestValue(XLColor.FromHtml("#63BE7B"));
            ws.Range(2, 4, row, 4).Style.Alignment.WrapText = true;
        }

        ws.Range(1, 1, Math.Max(row, 2), lastColumn).SetAutoFilter();
        ws.SheetView.Freeze(1, 3);
    }

    /// <summary>The column (1-based) holding the regional value, for readers of the sheet.</summary>
    internal static int RegionalColumn(int unitCount) => FixedColumns + unitCount + 1;
}
