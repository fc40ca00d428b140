using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions;

/// <summary>
/// <c>GET /api/workbook?period=2021-Q3</c>: the analysts' merged workbook. Without a period, the quarter the reporting
/// calendar names (<c>Digest__Period</c>: the last one due, by default), the same the digest reports.
/// </summary>
public sealed class WorkbookDownload(MergedWorkbookService workbooks, ILogger<WorkbookDownload> logger)
{
    [Function(nameof(WorkbookDownload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PortalRoutes.ApiWorkbook)] HttpRequest request,
        CancellationToken ct)
    {
        var periodText = request.Query["period"].ToString();
        ReportingPeriod period;
        if (string.IsNullOrWhiteSpace(periodText))
        {
            period = workbooks.DefaultPeriod();
            if (!workbooks.InPlan(period)) return OutsidePlan(request, period);
        }
        else if (!RequestWords.TryPeriod(periodText, out period, out var error))
        {
            return Problem(request, StatusCodes.Status400BadRequest, "invalid_period", Problems.BadRequestTitle, null, error);
        }

        // A temporary file, not memory: the workbook can hold a million rows. Deleted when the response is done.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var summary = await workbooks.WriteAsync(period, file, ct);
            if (summary is null)
            {
                await file.DisposeAsync();
                return NoData(request, period);
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

    private static ObjectResult NoData(HttpRequest request, ReportingPeriod period) =>
        Problem(request, StatusCodes.Status404NotFound, "no_data", Problems.NotFoundTitle, period,
            new LocalizedText($"No hay envíos aceptados para {period}.", $"There are no accepted submissions for {period}."));

    private ObjectResult OutsidePlan(HttpRequest request, ReportingPeriod period)
    {
        logger.LogWarning("Workbook requested without a period: the reporting calendar's quarter {Period} is outside the plan", period);
        return Problem(request, StatusCodes.Status404NotFound, "outside_plan", Problems.NotFoundTitle, period,
            new LocalizedText($"El trimestre del calendario ({period}) está fuera del plan vigente: indique ?period=AAAA-Qn.",
                $"The calendar's quarter ({period}) is outside the plan in force: pass ?period=YYYY-Qn."));
    }

    /// <summary>
    /// Problem JSON whose <c>code</c> is the lower-case error this route has always answered, kept also as <c>error</c>
    /// (with <c>period</c> and the bilingual <c>message</c>) so scripts reading those fields go on working.
    /// </summary>
    private static ObjectResult Problem(HttpRequest request, int status, string error, LocalizedText title, ReportingPeriod? period, LocalizedText detail) =>
        Problems.Result(status, error, title, detail, Problems.LanguageOf(request),
            new Dictionary<string, object?> { ["error"] = error, ["period"] = period?.ToString(), ["message"] = $"{detail.Es} / {detail.En}" });
}
