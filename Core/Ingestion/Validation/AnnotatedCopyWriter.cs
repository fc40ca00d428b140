using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Ingestion.Validation;

/// <summary>
/// A copy of a rejected (or warned) workbook with every finding on its cell: errors in red, warnings in amber, the
/// message as a cell comment, and a first sheet listing them all — so the focal point fixes the sheet in place.
/// Only called for packages the guard let through; the original bytes are never modified.
/// </summary>
public static class AnnotatedCopyWriter
{
    private static readonly XLColor ErrorFill = XLColor.FromHtml("#F8CBAD");
    private static readonly XLColor WarningFill = XLColor.FromHtml("#FFE699");

    /// <returns>
    /// The annotated workbook, or null when the original cannot be opened or saved again (nothing to annotate): the
    /// upload is untrusted, and a copy it cannot have must not turn its verdict into a fault the host retries.
    /// </returns>
    public static byte[]? Write(Stream original, ValidationReport report)
    {
        try
        {
            return Annotate(original, report);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            return null;
        }
    }

    private static byte[] Annotate(Stream original, ValidationReport report)
    {
        var language = report.Language == "en" ? Language.En : Language.Es;
        using (var workbook = new XLWorkbook(original))
        {
            foreach (var issue in report.Errors.Concat(report.Warnings))
            {
                if (issue.Sheet is null || issue.Cell is null || !workbook.TryGetWorksheet(issue.Sheet, out var ws)) continue;
                var cell = ws.Cell(issue.Cell);
                cell.Style.Fill.BackgroundColor = issue.Severity == IssueSeverity.Error ? ErrorFill : WarningFill;
                var comment = cell.Comment; // ClosedXML 0.95 creates it on first access
                comment.AddText((comment.Text.Length > 0 ? "\n" : "") + $"[{issue.Code}] {issue.Message}");
            }

            AddSummarySheet(workbook, report, language);
            using var output = new MemoryStream();
            workbook.SaveAs(output);
            return output.ToArray();
        }
    }

    private static void AddSummarySheet(XLWorkbook workbook, ValidationReport report, Language language)
    {
        var name = language == Language.En ? "Review" : "Revisión";
        if (workbook.TryGetWorksheet(name, out var existing)) existing.Delete();
        var ws = workbook.Worksheets.Add(name, 1);
        ws.Cell(1, 1).SetValue(language == Language.En
            ? (report.Accepted ? "Accepted with warnings" : "Rejected: fix the cells marked in red and upload again")
            : (report.Accepted ? "Aceptado con advertencias" : "Rechazado: corrija las celdas marcadas en rojo y vuelva a subirlo"));
        ws.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = language == Language.En
            ? ["Severity", "Code", "Sheet", "Cell", "Activity", "Message"]
            : ["Gravedad", "Código", "Hoja", "Celda", "Actividad", "Mensaje"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(3, c + 1).SetValue(headers[c]);
        ws.Row(3).Style.Font.Bold = true;

        var row = 4;
        foreach (var issue in report.Errors.Concat(report.Warnings))
        {
            var severity = issue.Severity == IssueSeverity.Error
                ? (language == Language.En ? "Error" : "Error")
                : (language == Language.En ? "Warning" : "Advertencia");
            // SetValue<string> keeps every value literal text: messages quote what countries typed.
            ws.Cell(row, 1).SetValue(severity);
            ws.Cell(row, 2).SetValue(issue.Code);
            ws.Cell(row, 3).SetValue(issue.Sheet ?? "");
            ws.Cell(row, 4).SetValue(issue.Cell ?? "");
            ws.Cell(row, 5).SetValue(issue.Activity ?? "");
            ws.Cell(row, 6).SetValue(issue.Message);
            ws.Row(row).Style.Fill.BackgroundColor = issue.Severity == IssueSeverity.Error ? ErrorFill : WarningFill;
            row++;
        }

        ws.Column(1).Width = 14;
        ws.Column(2).Width = 30;
        ws.Column(3).Width = 14;
        ws.Column(4).Width = 8;
        ws.Column(5).Width = 12;
        ws.Column(6).Width = 110;
        ws.Column(6).Style.Alignment.WrapText = true;
        ws.SheetView.FreezeRows(3);
        ws.SetTabActive();
        workbook.Worksheets.Where(w => w != ws).ToList().ForEach(w => w.TabActive = false);
    }
}
