using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Functions;

/// <summary>
/// <c>GET /api/workbook?period=2021-Q3</c>: the analysts' merged workbook. Without a period, the quarter the reporting
/// calendar names (<c>Digest__Period</c>: the last one due, by default), the same the digest reports.
/// </summary>
public sealed class WorkbookDownload(MergedWorkbookService workbooks, ILogger<WorkbookDownload> logger)
{
    [Function(nameof(WorkbookDownload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "workbook")] HttpRequest request,
        CancellationToken ct)
    {
        var periodText = request.Query["period"].ToString();
        ReportingPeriod period;
        if (string.IsNullOrWhiteSpace(periodText))
        {
            period = workbooks.DefaultPeriod();
            if (!workbooks.InPlan(period)) return OutsidePlan(period);
        }
        else if (!RequestWords.TryPeriod(periodText, out period, out var error))
        {
            return new BadRequestObjectResult(new { error = "invalid_period", message = $"{error.Es} / {error.En}" });
        }

        // A temporary file, not memory: the workbook can hold a million rows. Deleted when the response is done.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var summary = await workbooks.WriteAsync(period, file, ct);
            if (summary is null)
            {
                await file.DisposeAsync();
                return NoData(period);
            }

            logger.LogInformation("Serving merged workbook for {Period} ({Rows} rows)", summary.Period, summary.DataRows);
            file.Position = 0;
            return new FileStreamResult(file, Xlsx.ContentType) { FileDownloadName = MergedWorkbookService.FileName(period) };
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static NotFoundObjectResult NoData(ReportingPeriod period) => new(new
    {
        error = "no_data",
        period = period.ToString(),
        message = "No hay envíos aceptados para ese periodo. / There are no accepted submissions for that period.",
    });

    private NotFoundObjectResult OutsidePlan(ReportingPeriod period)
    {
        logger.LogWarning("Workbook requested without a period: the reporting calendar's quarter {Period} is outside the plan", period);
        return new NotFoundObjectResult(new
        {
            error = "outside_plan",
            period = period.ToString(),
            message = $"El trimestre del calendario ({period}) está fuera del plan vigente: indique ?period=AAAA-Tn. / The calendar's quarter ({period}) is outside the plan in force: pass ?period=YYYY-Qn.",
        });
    }
}
