using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// The portal's download with a date: the merged workbook exactly as it was current at an instant, rebuilt from the
/// submission history by the same service as <c>workbook --as-of</c> (<see cref="MergedWorkbookService.WriteAsync"/>).
/// Generated for each request and never kept. The history is append-only, but the record as of an instant is not
/// final when the instant passes: a sheet that arrived before it counts even when it is processed later (a retried
/// delivery, a trigger that ran minutes or a day late), so a copy kept by (period, instant) could miss a sheet that
/// belongs in it, and nothing could tell when such a copy became safe to keep. Dated downloads are rare, made by
/// analysts; the current workbook, which every reader downloads, is the one cached (<see cref="WorkbookCache"/>).
/// </summary>
public sealed class AsOfWorkbooks(MergedWorkbookService workbooks, ILogger<AsOfWorkbooks> logger)
{
    /// <summary>The workbook as of <paramref name="asOf"/> in a temporary file (deleted when disposed); null when nothing had been accepted by then.</summary>
    public async Task<Stream?> OpenAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        if (await GeneratedWorkbook.WriteAsync(workbooks, period, asOf, ct) is not { } generated) return null;
        var (file, summary) = generated;
        logger.LogInformation("Merged workbook for {Period} as of {AsOf} generated ({Rows} rows) for a download", period, asOf.ToString("o"), summary.DataRows);
        return file;
    }
}
