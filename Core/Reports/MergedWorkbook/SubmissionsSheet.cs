using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The "Envíos" sheet: every upload of the period, who sent it, when, what became of it and whether it arrived after
/// the quarter locked; below it, when the quarter locks, the lock and every reopening the ST recorded (who, when, why,
/// until when).
/// </summary>
internal static class SubmissionsSheet
{
    public const string Name = "Envíos";

    /// <summary>Column A of the title row of the lock block.</summary>
    public const string LocksTitle = "Cierre del trimestre y reaperturas / Quarter lock and reopenings";

    private const int Columns = 17;

    public static void Write(XLWorkbook workbook, ReportingUnits units, PeriodSubmissions submissions, RegionalProgress progress,
        IReadOnlyList<PeriodLockState> locks)
    {
        var ws = workbook.Worksheets.Add(Name);
        SheetCells.Widths(ws, 8, 22, 10, 34, 17, 17, 14, 9, 26, 26, 8, 8, 12, 26, 24, 26, 30);
        SheetCells.Header(ws, 1, "Unidad", "Nombre", "Periodo", "Archivo", "Subido (UTC)", "Procesado (UTC)", "Estado",
            "Vigente", "Reemplaza a", "Reemplazado por", "Filas", "Errores", "Advertencias", "Punto focal", "Subido por", "Id del envío",
            "Tras el cierre");

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
            ws.Cell(row, 17).Text(AfterLock(s, progress, locks));
            // Ids and file names wrap inside their columns rather than run over the next ones in print.
            foreach (var column in new[] { 4, 9, 10, 14, 15, 16, 17 }) ws.Cell(row, column).Style.Alignment.WrapText = true;
            RowHeights.Fit(ws, row, 1, Columns);
        }

        if (row > 1)
        {
            ws.Range(2, 7, row, 7).AddConditionalFormat().WhenEquals($"\"{StatusLabel(SubmissionStatus.Rejected).Es}\"")
                .Fill.SetBackgroundColor(XLColor.FromHtml("#FFC7CE")).Font.SetFontColor(XLColor.FromHtml("#9C0006"));
        }

        ws.Range(1, 1, Math.Max(row, 2), Columns).SetAutoFilter();
        Locks(ws, Math.Max(row, 2) + 3, units, progress, locks);
        SheetCells.AlignTop(ws);
        ws.SheetView.FreezeRows(1);
        PrintLayout.Apply(ws, 1, 1);
    }

    /// <summary>"No", or "Sí" with the reopening the upload arrived in (an accepted one) or that the quarter was locked (a refused one).</summary>
    private static string AfterLock(SubmissionEntity s, RegionalProgress progress, IReadOnlyList<PeriodLockState> locks)
    {
        // The unit's own lock, on its clock (a unit no longer expected: the coalition's).
        var dates = progress.Units.FirstOrDefault(u => string.Equals(u.Unit.Code, s.Unit, StringComparison.OrdinalIgnoreCase))?.Dates ?? progress.Dates;
        if (dates.LocksAt is not { } locksAt || s.LatestArrival < locksAt) return "No";
        var window = locks.FirstOrDefault(l => string.Equals(l.Unit, s.Unit, StringComparison.OrdinalIgnoreCase))?.At(s.LatestArrival).Window;
        return window is not null && s.StatusValue != SubmissionStatus.Rejected
            ? $"Sí: {LockTexts.Window(window, Language.Es)}"
            : "Sí: trimestre cerrado";
    }

    /// <summary>The lock and every unit's reopenings and early locks, oldest first, under the uploads.</summary>
    private static void Locks(IXLWorksheet ws, int row, ReportingUnits units, RegionalProgress progress, IReadOnlyList<PeriodLockState> locks)
    {
        ws.Cell(row, 1).Text(LocksTitle).Style.Font.Bold = true;
        var automatic = LockTexts.AutomaticLockForEveryUnit(progress.Dates);
        SheetCells.Sentence(ws, ++row, 1, 9, $"Cierre automático para envíos: {automatic.Es}. Después, solo se aceptan informes de una unidad cuyo trimestre la Secretaría Técnica reabrió.");
        SheetCells.Sentence(ws, ++row, 1, 9, $"Automatic lock for uploads: {automatic.En}. After it, only a unit whose quarter the Technical Secretariat reopened can file.")
            .Style.Font.Italic = true;

        var entries = locks.SelectMany(l => l.Entries.Select(e => (State: l, Entry: e)))
            .OrderBy(x => x.State.Unit, StringComparer.Ordinal).ThenBy(x => x.Entry.Number).ToList();
        if (entries.Count == 0)
        {
            ws.Cell(++row, 1).Text("Ninguna reapertura registrada / No reopening recorded");
            return;
        }

        SheetCells.Header(ws, ++row, "Unidad", "Nombre", "N.º", "Acción / Action", "Registrado (UTC) / Recorded", "Por / By",
            "Hasta (UTC) / Until", "Tomó envíos hasta (UTC) / Took uploads until", "Motivo / Reason");
        var first = row + 1;
        foreach (var (state, entry) in entries)
        {
            row++;
            var window = state.Windows.FirstOrDefault(w => w.Reopening.Number == entry.Number);
            ws.Cell(row, 1).Text(state.Unit);
            ws.Cell(row, 2).Text(units.Find(state.Unit)?.Name.Es ?? state.Unit);
            ws.Cell(row, 3).Count(entry.Number);
            ws.Cell(row, 4).Text(LockTexts.Action(entry, state.Zone).Es);
            ws.Cell(row, 5).Date(entry.At);
            ws.Cell(row, 6).Text(entry.By);
            ws.Cell(row, 7).Date(entry.Until);
            ws.Cell(row, 8).Date(window?.Closes);
            ws.Cell(row, 9).Text(entry.Reason);
            foreach (var column in new[] { 2, 4, 6, 9 }) ws.Cell(row, column).Style.Alignment.WrapText = true;
            RowHeights.Fit(ws, row, 1, 9);
        }

        ws.Range(first, 3, row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    public static LocalizedText StatusLabel(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Current => new("Vigente", "Current"),
        SubmissionStatus.Superseded => new("Reemplazado", "Superseded"),
        SubmissionStatus.Rejected => new("Rechazado", "Rejected"),
        _ => new("En proceso", "Pending"),
    };
}
