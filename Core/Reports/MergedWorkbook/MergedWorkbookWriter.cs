using ClosedXML.Excel;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// Writes the analysts' merged workbook: the small formatted sheets (Resumen, Matriz, Unidades × actividades,
/// Envíos) through ClosedXML, then the data sheets (Datos, Datos 2, …) streamed with the Open XML SDK so the
/// million-row part never enters ClosedXML's in-memory model.
/// </summary>
public sealed class MergedWorkbookWriter(ILogger<MergedWorkbookWriter> logger)
{
    public const string DataSheetName = "Datos";

    /// <summary>Rows per data sheet; below Excel's 1,048,576 with room to spare. Settable so tests can split small sets.</summary>
    internal int MaxRowsPerDataSheet { get; set; } = 1_000_000;

    /// <param name="output">Any writable stream; written forward-only, so it need not be seekable.</param>
    /// <param name="locks">The units' lock histories (reopenings) the <i>Envíos</i> sheet lists; none when the quarter has not locked.</param>
    public async Task<WorkbookSummary> WriteAsync(Stream output, PlanCatalog catalog, ReportingUnits units, RegionalProgress progress,
        PeriodSubmissions submissions, IAsyncEnumerable<TidyRow> rows, CancellationToken ct, IReadOnlyList<PeriodLockState>? locks = null,
        IReadOnlyList<TrendQuarter>? trend = null)
    {
        using var small = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            SummarySheet.Write(workbook, catalog, progress);
            MatrixSheet.Write(workbook, catalog, progress);
            UnitGridSheet.Write(workbook, units, progress);
            SubmissionsSheet.Write(workbook, units, submissions, progress, locks ?? []);
            if (trend is { Count: > 0 }) TrendSheet.Write(workbook, trend);
            workbook.SaveAs(small);
        }

        small.Position = 0;
        var (dataRows, dataSheets) = await WorkbookPackageAssembler.AssembleAsync(small, output, DataSheetName, rows, MaxRowsPerDataSheet, ct);
        logger.LogInformation("Wrote merged workbook for {Period} as of {AsOf}: {Rows} data rows in {Sheets} data sheets, {Units} units reported",
            progress.Period, progress.AsOf?.ToString("o") ?? "now", dataRows, dataSheets, progress.UnitsReported);
        return new WorkbookSummary(progress.Period.ToString(), progress.UnitsReported, progress.UnitsExpected, dataRows, dataSheets)
        {
            Progress = progress,
        };
    }
}
