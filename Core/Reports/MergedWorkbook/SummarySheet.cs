using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>The "Resumen" sheet: KPIs, the per-axis and per-unit tables, and the rules behind every figure.</summary>
internal static class SummarySheet
{
    public const string Name = "Resumen";

    /// <summary>Label in column A of the axis table's overall row.</summary>
    public const string TotalLabel = "Total";

    public static void Write(XLWorkbook workbook, PlanCatalog catalog, RegionalProgress progress)
    {
        var ws = workbook.Worksheets.Add(Name);
        SheetCells.Widths(ws, 14, 34, 18, 18, 18, 18, 18, 12, 12, 34, 16);

        ws.Cell(1, 1).Text($"{catalog.Title.Es} — consolidado regional {progress.Period}");
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        ws.Cell(2, 1).Text($"{catalog.Title.En} — regional consolidation {progress.Period}");
        ws.Cell(2, 1).Style.Font.Italic = true;

        var row = 4;
        Kpi(ws, row++, "Unidades que informaron / Units reported", c => c.Text($"{progress.UnitsReported} de {progress.UnitsExpected}"));
        Kpi(ws, row++, "Ejecutado regional promedio (%) / Mean regional ejecutado", c => c.Percent(progress.Overall.MeanEjecutado));
        Kpi(ws, row++, "Programado promedio (%) / Mean programado", c => c.Percent(progress.Overall.MeanProgramado));
        Kpi(ws, row++, "Ejecución (% de lo programado) / Execution", c => c.Percent(progress.Overall.Execution));
        Kpi(ws, row++, "Actividades planificadas informadas / Planned activities reported", c => c.Text(progress.Overall.Coverage));
        Kpi(ws, row++, "Plazo de entrega (UTC) / Deadline", c => c.Date(progress.Deadline));
        Kpi(ws, row++, "Cambio respecto de / Change since", c => c.Text(progress.ComparedWith?.ToString() ?? "— (primer trimestre del año / first quarter of the year)"));

        row = AxisTable(ws, row + 1, progress);
        row = UnitTable(ws, row + 1, progress);
        Rules(ws, row + 1);

        ws.SheetView.FreezeRows(2);
    }

    private static void Kpi(IXLWorksheet ws, int row, string label, Action<IXLCell> value)
    {
        ws.Range(row, 1, row, 2).Merge();
        ws.Cell(row, 1).Text(label).Style.Font.Bold = true;
        value(ws.Cell(row, 3));
        ws.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    private static int AxisTable(IXLWorksheet ws, int row, RegionalProgress progress)
    {
        SheetCells.Header(ws, row, "Eje / Axis", "Nombre / Name", "Ejecutado medio (%) / Mean ejecutado",
            "Programado medio (%) / Mean programado", "Ejecución (%) / Execution", "Actividades informadas / Activities reported");
        var first = row + 1;
        foreach (var axis in progress.Axes)
            AxisRow(ws, ++row, axis.AxisCode, axis.Name.Es, axis.Figures);
        AxisRow(ws, ++row, TotalLabel, "Plan completo / Whole plan", progress.Overall);
        ws.Range(row, 1, row, 6).Style.Font.Bold = true;

        if (row >= first)
        {
            var execution = ws.Range(first, 5, row, 5);
            execution.AddConditionalFormat().ColorScale()
                .LowestValue(XLColor.FromHtml("#F8696B"))
                .Midpoint(XLCFContentType.Number, 50, XLColor.FromHtml("#FFEB84"))
                .HighestValue(XLColor.FromHtml("#63BE7B"));
            // No data bars: ClosedXML 0.95.4 writes their x14 ids as lowercase GUIDs, which the schema rejects.
        }
        return row + 1;
    }

    private static void AxisRow(IXLWorksheet ws, int row, string code, string name, ProgressFigures f)
    {
        ws.Cell(row, 1).Text(code);
        ws.Cell(row, 2).Text(name);
        ws.Cell(row, 3).Percent(f.MeanEjecutado);
        ws.Cell(row, 4).Percent(f.MeanProgramado);
        ws.Cell(row, 5).Percent(f.Execution);
        ws.Cell(row, 6).Text(f.Coverage);
    }

    private static int UnitTable(IXLWorksheet ws, int row, RegionalProgress progress)
    {
        var header = row;
        SheetCells.Header(ws, row, "Unidad / Unit", "Nombre / Name", "Estado / Status", "Primera aceptada (UTC) / First accepted",
            "Vigente (UTC) / Current upload", "Último envío (UTC) / Last upload", "Actividades informadas / Activities reported",
            "Envíos / Uploads", "Rechazados / Rejected", "Archivo vigente / Current file", "Envío vigente / Current submission");
        foreach (var u in progress.Units)
        {
            row++;
            ws.Cell(row, 1).Text(u.Unit.Code);
            ws.Cell(row, 2).Text(u.Unit.Name.Es);
            ws.Cell(row, 3).Text(TimelinessLabels.For(u.Timeliness).Es);
            ws.Cell(row, 4).Date(u.FirstAcceptedAt);
            ws.Cell(row, 5).Date(u.CurrentUploadedAt);
            ws.Cell(row, 6).Date(u.LastUploadAt);
            ws.Cell(row, 7).Text(string.Create(CultureInfo.InvariantCulture, $"{u.ActivitiesReported} de {u.ActivitiesExpected}"));
            ws.Cell(row, 8).Number(u.Uploads);
            ws.Cell(row, 9).Number(u.RejectedUploads);
            ws.Cell(row, 10).Text(u.CurrentFileName);
            ws.Cell(row, 11).Text(u.CurrentSubmissionId);
        }

        if (row > header)
        {
            var status = ws.Range(header + 1, 3, row, 3);
            foreach (var bad in new[] { SubmissionTimeliness.Missing, SubmissionTimeliness.Late, SubmissionTimeliness.RejectedOnly })
            {
                status.AddConditionalFormat().WhenEquals($"\"{TimelinessLabels.For(bad).Es}\"")
                    .Fill.SetBackgroundColor(XLColor.FromHtml("#FFC7CE")).Font.SetFontColor(XLColor.FromHtml("#9C0006"));
            }

            status.AddConditionalFormat().WhenEquals($"\"{TimelinessLabels.For(SubmissionTimeliness.OnTime).Es}\"")
                .Fill.SetBackgroundColor(XLColor.FromHtml("#C6EFCE")).Font.SetFontColor(XLColor.FromHtml("#006100"));
        }

        ws.Range(header, 1, row, 11).SetAutoFilter();
        return row + 1;
    }

    private static void Rules(IXLWorksheet ws, int row)
    {
        ws.Cell(row, 1).Text("Reglas de cálculo / Calculation rules").Style.Font.Bold = true;
        foreach (var line in RegionalProgressRules.Lines)
        {
            foreach (var text in new[] { line.Es, line.En })
            {
                row++;
                var range = ws.Range(row, 1, row, 8);
                range.Merge();
                ws.Cell(row, 1).Text(text);
                range.Style.Alignment.WrapText = true;
                ws.Row(row).Height = 45;
                if (text == line.En) ws.Cell(row, 1).Style.Font.Italic = true;
            }
        }
    }
}
