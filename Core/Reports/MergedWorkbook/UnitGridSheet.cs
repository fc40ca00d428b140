using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The "Unidades × actividades" sheet: one row per activity, one column per unit with its ejecutado for the period,
/// then the regional value with its coverage (k, n, no aplica), its lower bound, its progress relative to programado
/// and the like-for-like change with the number of units it covers. Grey = the unit does not report the activity;
/// rose = the unit has no accepted sheet.
/// </summary>
internal static class UnitGridSheet
{
    public const string Name = "Unidades × actividades";
    public const string NotApplicableText = "no aplica";
    public const string NoReportText = "sin informe";
    public const string NotProgrammedText = "no programada";
    private const int FixedColumns = 5;

    public static readonly XLColor NotExpectedFill = XLColor.FromHtml("#D9D9D9");
    public static readonly XLColor NoSheetFill = XLColor.FromHtml("#FCE4D6");

    /// <summary>The figures after the unit columns, in order.</summary>
    public static readonly string[] FigureHeaders =
    [
        "Regional (%): unidades que informaron", "Informaron (k)", "Esperadas (n)", "No aplica", "Cota inferior (%): faltantes = 0",
        "Avance relativo (% de lo programado)", "Cambio comparable (puntos)", "Unidades en el cambio",
    ];

    public static void Write(XLWorkbook workbook, ReportingUnits units, RegionalProgress progress)
    {
        var ws = workbook.Worksheets.Add(Name);
        var withStatus = progress.Units.ToDictionary(s => s.Unit.Code, StringComparer.Ordinal);
        var unitList = units.All.Where(u => withStatus.ContainsKey(u.Code)).ToList();
        var regionalColumn = RegionalColumn(unitList.Count);
        var lastColumn = regionalColumn + FigureHeaders.Length - 1;

        var titles = new List<string> { "Eje", "Actividad", "Etiqueta", "Texto", $"Programado {progress.Period.Year} (%)" };
        titles.AddRange(unitList.Select(u => u.Code));
        titles.AddRange(FigureHeaders);
        titles[^2] = progress.ComparedWith is { } before ? $"Cambio comparable desde el {before.Label(Localization.Language.Es)} (puntos)" : "Cambio (n/d en el primer trimestre)";
        SheetCells.Widths(ws, [5, 10, 9, 46, 12, .. unitList.Select(_ => 7.0), 13, 9, 9, 8, 12, 12, 12, 10]);
        SheetCells.Header(ws, 1, [.. titles]);

        var row = 1;
        foreach (var a in progress.Activities)
        {
            row++;
            if (int.TryParse(a.AxisCode, out var axis)) ws.Cell(row, 1).Count(axis).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
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
                if (value is not null && !withStatus[unitList[i].Code].HasReported) cell.Style.Fill.BackgroundColor = NoSheetFill;
            }

            Figures(ws, row, regionalColumn, a);
            ws.Cell(row, 4).Style.Alignment.WrapText = true;
            RowHeights.Fit(ws, row, 4, 4);
        }

        if (row > 1)
        {
            ws.Range(2, FixedColumns + 1, row, regionalColumn).AddConditionalFormat().ColorScale()
                .LowestValue(XLColor.FromHtml("#F8696B"))
                .Midpoint(XLCFContentType.Number, 50, XLColor.FromHtml("#FFEB84"))
                .HighestValue(XLColor.FromHtml("#63BE7B"));
        }

        ws.Range(1, 1, Math.Max(row, 2), lastColumn).SetAutoFilter();
        ws.Range(row + 2, 2, row + 2, 4).Merge();
        var legend = ws.Cell(row + 2, 2).Text("Gris: la unidad no informa esta actividad. Rosado: la unidad no tiene planilla aceptada. " +
            "Vacío: sin número. / Grey: the unit does not report it. Rose: the unit has no accepted sheet. Empty: no number.");
        legend.Style.Alignment.WrapText = true;
        legend.Style.Font.Italic = true;
        legend.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        ws.Row(row + 2).Height = 4 * RowHeights.LineHeight;
        SheetCells.AlignTop(ws);
        ws.SheetView.Freeze(1, 3);
        PrintLayout.Apply(ws, 1, 1);
    }

    private static void Figures(IXLWorksheet ws, int row, int column, ActivityProgress a)
    {
        var regional = ws.Cell(row, column);
        if (a.RegionalEjecutado is { } value) regional.Percent(value);
        else if (a.IsNotApplicableToAll) regional.Text($"{NotApplicableText} ({a.NotApplicable} de {a.NotApplicable})");
        else if (!a.IsProgrammed) regional.Text(NotProgrammedText);
        else if (a.Expected > 0) regional.Text(NoReportText);
        ws.Cell(row, column + 1).Count(a.Reporting);
        ws.Cell(row, column + 2).Count(a.Expected);
        ws.Cell(row, column + 3).Count(a.NotApplicable);
        ws.Cell(row, column + 4).Percent(a.LowerBound);
        ws.Cell(row, column + 5).Percent(a.RelativeProgress * 100);
        ws.Cell(row, column + 6).Percent(a.Change?.Points);
        if (a.Change is { } change) ws.Cell(row, column + 7).Count(change.Units);
    }

    /// <summary>The column (1-based) holding the regional value, for readers of the sheet.</summary>
    internal static int RegionalColumn(int unitCount) => FixedColumns + unitCount + 1;
}
