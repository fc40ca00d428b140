using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>The "Envíos" sheet: every upload of the period, who sent it, when, and what became of it.</summary>
internal static class SubmissionsSheet
{
    public const string Name = "Envíos";

    public static void Write(XLWorkbook workbook, ReportingUnits units, PeriodSubmissions submissions)
    {
        var ws = workbook.Worksheets.Add(Name);
        SheetCells.Widths(ws, 8, 22, 10, 34, 17, 17, 14, 9, 26, 26, 8, 8, 12, 26, 24, 26);
        SheetCells.Header(ws, 1, "Unidad", "Nombre", "Periodo", "Archivo", "Subido (UTC)", "Procesado (UTC)", "Estado",
            "Vigente", "Reemplaza a", "Reemplazado por", "Filas", "Errores", "Advertencias", "Punto focal", "Subido por", "Id del envío");

        var row = 1;
        foreach (var s in submissions.History
                     .OrderBy(h => h.Unit, StringComparer.Ordinal)
                     .ThenBy(h => h.UploadedAt)
                     .ThenBy(h => h.RowKey, StringComparer.Ordinal))
        {
            row++;
            var isCurrent = submissions.PointerFor(s.Unit)?.SubmissionId == s.RowKey;
            ws.Cell(row, 1).Text(s.Unit);
            ws.Cell(row, 2).Text(units.Find(s.Unit)?.Name.Es ?? s.Unit);
            ws.Cell(row, 3).Text(s.Period);
            ws.Cell(row, 4).Text(s.FileName);
            ws.Cell(row, 5).Date(s.UploadedAt);
            ws.Cell(row, 6).Date(s.ProcessedAt == default ? null : s.ProcessedAt);
            ws.Cell(row, 7).Text(StatusLabel(s.StatusValue).Es);
            ws.Cell(row, 8).Text(isCurrent ? "Sí" : "No");
            ws.Cell(row, 9).Text(s.Supersedes);
            ws.Cell(row, 10).Text(s.SupersededBy);
            ws.Cell(row, 11).Count(s.RowCount);
            ws.Cell(row, 12).Count(s.ErrorCount);
            ws.Cell(row, 13).Count(s.WarningCount);
            ws.Cell(row, 14).Text(s.FocalPointName);
            ws.Cell(row, 15).Text(s.Uploader);
            ws.Cell(row, 16).Text(s.RowKey);
            // Ids and file names wrap inside their columns rather than run over the next ones in print.
            foreach (var column in new[] { 4, 9, 10, 14, 15, 16 }) ws.Cell(row, column).Style.Alignment.WrapText = true;
            RowHeights.Fit(ws, row, 1, 16);
        }

        if (row > 1)
        {
            ws.Range(2, 7, row, 7).AddConditionalFormat().WhenEquals($"\"{StatusLabel(SubmissionStatus.Rejected).Es}\"")
                .Fill.SetBackgroundColor(XLColor.FromHtml("#FFC7CE")).Font.SetFontColor(XLColor.FromHtml("#9C0006"));
        }

        ws.Range(1, 1, Math.Max(row, 2), 16).SetAutoFilter();
        SheetCells.AlignTop(ws);
        ws.SheetView.FreezeRows(1);
        PrintLayout.Apply(ws, 1, 1);
    }

    public static LocalizedText StatusLabel(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Current => new("Vigente", "Current"),
        SubmissionStatus.Superseded => new("Reemplazado", "Superseded"),
        SubmissionStatus.Rejected => new("Rechazado", "Rejected"),
        _ => new("En proceso", "Pending"),
    };
}
