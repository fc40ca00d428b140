using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The coalition's pages (role <c>Coalition.Reader</c>): <c>/coalition</c> opens the calendar's quarter,
/// <c>/coalition/{period}</c> the completeness board, <c>…/progress</c> the regional progress,
/// <c>…/workbook</c> the merged workbook (generated once per set of current submissions, then served from storage).
/// </summary>
public sealed class CoalitionFunctions(
    PortalGate gate, CoalitionPeriods periods, CompletenessBoard board, RegionalProgressCache progress, WorkbookCache workbooks, PlanRegistry plans)
{
    [Function("PortalCoalition")]
    public IActionResult Start([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coalition")] HttpRequest req)
    {
        if (gate.Reader(req, out var c) is { } refusal) return refusal;
        var period = RequestWords.TryPeriod(req.Query["period"], out var asked, out _) && plans.Find(asked) is not null ? asked : periods.Default();
        return new RedirectResult(req.Query["view"].ToString() switch
        {
            "progress" => Routes.Progress(period),
            "digest" => Routes.Digest(period),
            _ => Routes.Coalition(period),
        });
    }

    [Function("PortalBoard")]
    public async Task<IActionResult> Board(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coalition/{period}")] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        return PortalResults.Page(BoardPage.Render(c, await board.LoadAsync(p, ct), periods.All()));
    }

    [Function("PortalProgress")]
    public async Task<IActionResult> Progress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coalition/{period}/progress")] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        return PortalResults.Page(ProgressPage.Render(c, await progress.GetAsync(p, ct), periods.All()));
    }

    [Function("PortalWorkbook")]
    public async Task<IActionResult> Workbook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coalition/{period}/workbook")] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        var workbook = await workbooks.OpenAsync(p, ct);
        if (workbook is null)
        {
            return PortalGate.NotFound(c, new LocalizedText($"No hay informes aceptados del trimestre {p}: todavía no hay libro consolidado.",
                $"There are no accepted reports for {p}: there is no merged workbook yet."));
        }

        c.Http.Response.Headers["X-Workbook-Source"] = workbook.FromCache ? "cache" : "generated";
        return PortalResults.File(workbook.Content, Xlsx.ContentType, MergedWorkbookService.FileName(p));
    }
}
