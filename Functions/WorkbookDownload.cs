using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;

namespace ServerlessPlan.Functions;

/// <summary><c>GET /api/workbook?period=2021-Q3</c>: the analysts' merged workbook (latest period when omitted).</summary>
public sealed class WorkbookDownload(MergedWorkbookService workbooks, ILogger<WorkbookDownload> logger)
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Function(nameof(WorkbookDownload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "workbook")] HttpRequest request,
        CancellationToken ct)
    {
        var periodText = request.Query["period"].ToString();
        ReportingPeriod? period;
        if (string.IsNullOrWhiteSpace(periodText)) period = await workbooks.LatestPeriodAsync(ct);
        else if (ReportingPeriod.TryParse(periodText, out var parsed)) period = parsed;
        else return new BadRequestObjectResult(new { error = "invalid_period", message = "El periodo debe tener la forma AAAA-Tn, p. ej. 2021-Q3. / The period must look like YYYY-Qn, e.g. 2021-Q3." });

        if (period is null) return NoData(null);

        // A temporary file, not memory: the workbook can hold a million rows. Deleted when the response is done.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var summary = await workbooks.WriteAsync(period.Value, file, ct);
            if (summary is null)
            {
                await file.DisposeAsync();
                return NoData(period);
            }

            logger.LogInformation("Serving merged workbook for {Period} ({Rows} rows)", summary.Period, summary.DataRows);
            file.Position = 0;
            return new FileStreamResult(file, XlsxContentType) { FileDownloadName = MergedWorkbookService.FileName(period.Value) };
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static NotFoundObjectResult NoData(ReportingPeriod? period) => new(new
    {
        error = "no_data",
        period = period?.ToString(),
        message = "No hay envíos aceptados para ese periodo. / There are no accepted submissions for that period.",
    });
}
