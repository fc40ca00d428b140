using ClosedXML.Excel;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>The tables of the "Resumen" sheet: per axis, per unit, and the activities furthest behind.</summary>
internal static class SummaryTables
{
    /// <summary>How many of the activities furthest behind the summary lists (as the digest does).</summary>
    public const int MostBehindCount = 5;

    public const string AxisHeader = "Eje / Axis";
    public const string UnitHeader = "Unidad / Unit";
    public const string RankHeader = "Puesto / Rank";

    public static int Axes(IXLWorksheet ws, int row, RegionalProgress progress)
    {
        SheetCells.Header(ws, row, AxisHeader, "Nombre / Name", "Ejecución (%) / Execution", "Cota inferior (%) / Lower bound",
            "Ejecutado medio (%) / Mean ejecutado", "Programado medio (%) / Mean programado", "Actividades con datos / Activities with data",
            "Actividades programadas / Programmed activities", "Unidades que informaron / Units reporting", "Unidades esperadas / Units expected",
            "Valores informados / Values reported", "Valores esperados / Values expected");
        var first = row + 1;
        foreach (var axis in progress.Axes)
        {
            row++;
            if (int.TryParse(axis.AxisCode, out var number)) ws.Cell(row, 1).Count(number);
            else ws.Cell(row, 1).Text(axis.AxisCode);
            ws.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            AxisRow(ws, row, axis.Name.Es, axis.Figures);
        }
        ws.Cell(++row, 1).Text(SummarySheet.TotalLabel);
        AxisRow(ws, row, "Plan completo / Whole plan", progress.Overall);
        ws.Range(row, 1, row, 12).Style.Font.Bold = true;

        ws.Range(first, 3, row, 4).AddConditionalFormat().ColorScale()
            .LowestValue(XLColor.FromHtml("#F8696B"))
            .Midpoint(XLCFContentType.Number, 50, XLColor.FromHtml("#FFEB84"))
            .HighestValue(XLColor.FromHtml("#63BE7B"));
        // No data bars: ClosedXML 0.95.4 writes their x14 ids as lowercase GUIDs, which the schema rejects.
        return row;
    }

    private static void AxisRow(IXLWorksheet ws, int row, string name, ProgressFigures f)
    {
        ws.Cell(row, 2).Text(name);
        ws.Cell(row, 3).Percent(f.Execution);
        ws.Cell(row, 4).Percent(f.LowerBoundExecution);
        ws.Cell(row, 5).Percent(f.MeanEjecutado);
        ws.Cell(row, 6).Percent(f.MeanProgramado);
        ws.Cell(row, 7).Count(f.ActivitiesReported);
        ws.Cell(row, 8).Count(f.ActivitiesPlanned);
        ws.Cell(row, 9).Count(f.UnitsReporting);
        ws.Cell(row, 10).Count(f.UnitsExpected);
        ws.Cell(row, 11).Count(f.ValuesReported);
        ws.Cell(row, 12).Count(f.ValuesExpected);
    }

    public static int Units(IXLWorksheet ws, int row, RegionalProgress progress)
    {
        var header = row;
        SheetCells.Header(ws, row, UnitHeader, "Nombre / Name", "Estado / Status", "Primera aceptada (UTC) / First accepted",
            "Vigente (UTC) / Current upload", "Último envío (UTC) / Last upload", "Actividades informadas (k) / Activities reported",
            "Actividades esperadas (n) / Activities expected", "No aplica / Not applicable", "Envíos / Uploads", "Rechazados / Rejected",
            "Archivo vigente / Current file", "Envío vigente / Current submission");
        foreach (var u in progress.Units)
        {
            row++;
            ws.Cell(row, 1).Text(u.Unit.Code);
            ws.Cell(row, 2).Text(u.Unit.Name.Es);
            ws.Cell(row, 3).Text(TimelinessLabels.For(u.Timeliness).Es);
            ws.Cell(row, 4).Date(u.FirstAcceptedAt);
            ws.Cell(row, 5).Date(u.CurrentUploadedAt);
            ws.Cell(row, 6).Date(u.LastUploadAt);
            ws.Cell(row, 7).Count(u.ActivitiesReported);
            ws.Cell(row, 8).Count(u.ActivitiesExpected);
            ws.Cell(row, 9).Count(u.ActivitiesNotApplicable);
            ws.Cell(row, 10).Count(u.Uploads);
            ws.Cell(row, 11).Count(u.RejectedUploads);
            ws.Cell(row, 12).Text(u.CurrentFileName);
            ws.Cell(row, 13).Text(u.CurrentSubmissionId);
            ws.Range(row, 12, row, 13).Style.Alignment.WrapText = true;
            RowHeights.Fit(ws, row, 12, 13);
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

        ws.Range(header, 1, row, 13).SetAutoFilter();
        return row;
    }

    /// <summary>The activities furthest behind relative to their programado (<see cref="DelayRanking"/>), ties marked.</summary>
    public static int MostBehind(IXLWorksheet ws, int row, RegionalProgress progress)
    {
        ws.Cell(row, 1).Text("Actividades más atrasadas (ejecutado regional ÷ programado, la menor primero; empates por código) / " +
            "Activities furthest behind (regional ejecutado ÷ programado, lowest first; ties by code)").Style.Font.Bold = true;
        ws.Row(row).Height = 2 * RowHeights.LineHeight;
        ws.Cell(row, 1).Style.Alignment.WrapText = true;
        ws.Range(row, 1, row, SummarySheet.LastColumn).Merge();
        var ranking = DelayRanking.Of(progress).Take(MostBehindCount).ToList();
        if (ranking.Count == 0)
        {
            ws.Cell(++row, 1).Text("Ninguna actividad con datos está por debajo de lo programado. / No activity with data is below its programado.");
            return row;
        }

        SheetCells.Header(ws, ++row, RankHeader, "Actividad / Activity", "Etiqueta / Label", "Programado (%)", "Ejecutado regional (%)",
            "Avance relativo (%) / Relative progress", "Informaron (k) / Reported", "Esperadas (n) / Expected", "Cota inferior (%) / Lower bound",
            "Empate / Tie");
        foreach (var d in ranking)
        {
            row++;
            ws.Cell(row, 1).Count(d.Rank).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            ws.Cell(row, 2).Text(d.Activity.Activity.Code);
            ws.Cell(row, 3).Text(d.Activity.Activity.Label);
            ws.Cell(row, 4).Percent(d.Activity.Programado);
            ws.Cell(row, 5).Percent(d.Activity.RegionalEjecutado);
            ws.Cell(row, 6).Percent(d.Relative * 100);
            ws.Cell(row, 7).Count(d.Activity.Reporting);
            ws.Cell(row, 8).Count(d.Activity.Expected);
            ws.Cell(row, 9).Percent(d.Activity.LowerBound);
            ws.Cell(row, 10).Text(d.Tied ? "empate / tie" : "");
        }

        return row;
    }
}
