using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
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
/// <c>…/workbook</c> the merged workbook (generated once per set of current submissions, then served from storage;
/// <c>?asOf=</c> rebuilds it as it was current at an instant).
/// </summary>
public sealed class CoalitionFunctions(
    PortalGate gate, CoalitionPeriods periods, CompletenessBoard board, RegionalProgressCache progress, WorkbookCache workbooks,
    AsOfWorkbooks asOfWorkbooks, BlobReadLinks links, PlanRegistry plans, TimeProvider time)
{
    [Function("PortalCoalition")]
    public IActionResult Start([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Coalition)] HttpRequest req)
    {
        if (gate.Reader(req, out var c) is { } refusal) return refusal;
        var period = RequestWords.TryPeriod(req.Query["period"], out var asked, out _) && plans.Find(asked) is not null ? asked : periods.Default();
        return new RedirectResult(req.Query["view"].ToString() switch
        {
            "progress" => Routes.Progress(period),
            "digest" => Routes.Digest(period),
            "as-of" => Routes.AsOf(period),
            _ => Routes.Coalition(period),
        });
    }

    [Function("PortalBoard")]
    public async Task<IActionResult> Board(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Board)] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        return PortalResults.Page(BoardPageModel.Render(c, await board.LoadAsync(p, ct), periods.All()));
    }

    [Function("PortalProgress")]
    public async Task<IActionResult> Progress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Progress)] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        return PortalResults.Page(Layout.Page<ProgressPage>(c, new()
        {
            [nameof(ProgressPage.Progress)] = await progress.GetAsync(p, ct),
            [nameof(ProgressPage.Periods)] = periods.All(),
            [nameof(ProgressPage.IsAdmin)] = c.User?.IsAdmin == true,
        }));
    }

    /// <summary>
    /// The current workbook: a redirect to a read-only link of the stored copy (<c>Portal__WorkbookRedirect</c>), or the
    /// file streamed through the app; <c>?asOf=INSTANT</c>: the record as of that instant, as <c>workbook --as-of</c>.
    /// </summary>
    [Function("PortalWorkbook")]
    public async Task<IActionResult> Workbook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Workbook)] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        try
        {
            if (req.Query.TryGetValue("asOf", out var asOf)) return await AsOfAsync(c, p, asOf.ToString(), ct);

            if (await links.SignerAsync(ct) is { } signer)
            {
                if (await workbooks.StoreAsync(p, ct) is not { } stored) return NoWorkbook(c, p);
                c.Http.Response.Headers["X-Workbook-Source"] = stored.FromCache ? "cache" : "generated";
                return new RedirectResult(signer.ReadUri(stored.Blob, MergedWorkbookService.FileName(p), Xlsx.ContentType).AbsoluteUri);
            }

            if (await workbooks.OpenAsync(p, ct) is not { } workbook) return NoWorkbook(c, p);
            c.Http.Response.Headers["X-Workbook-Source"] = workbook.FromCache ? "cache" : "generated";
            return PortalResults.File(workbook.Content, Xlsx.ContentType, MergedWorkbookService.FileName(p));
        }
        catch (WorkbookBuildsBusyException busy)
        {
            return Busy(c, busy);
        }
    }

    private async Task<IActionResult> AsOfAsync(PortalContext c, ReportingPeriod p, string text, CancellationToken ct)
    {
        if (!RequestWords.TryInstant(text, time.GetUtcNow(), out var at, out var invalid))
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "INVALID_AS_OF", Problems.BadRequestTitle, invalid);
        if (await asOfWorkbooks.OpenAsync(p, at, ct) is not { } workbook)
        {
            var instant = RequestWords.Instant(at);
            return PortalGate.NotFound(c, new LocalizedText(
                $"No hay envíos aceptados del trimestre {p} al {instant}: no hay libro consolidado de ese instante. Pruebe con uno posterior.",
                $"No accepted submissions for {p} as of {instant}: there is no merged workbook as of that instant. Try a later one."));
        }

        // "as-of": built for this request (and kept when the instant is settled); "as-of-cache": served as kept.
        c.Http.Response.Headers["X-Workbook-Source"] = workbook.FromCache ? "as-of-cache" : "as-of";
        return PortalResults.File(workbook.Content, Xlsx.ContentType, MergedWorkbookService.FileName(p, at));
    }

    /// <summary>Every build slot is taken: 429 with Retry-After and a page saying when to try again.</summary>
    internal static IActionResult Busy(PortalContext c, WorkbookBuildsBusyException busy)
    {
        var seconds = (int)Math.Ceiling(busy.RetryAfter.TotalSeconds);
        c.Http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return HttpFailure.Respond(c, StatusCodes.Status429TooManyRequests, "WORKBOOK_BUILDS_BUSY", Problems.BusyTitle, new LocalizedText(
            $"El portal ya está preparando otros libros consolidados y no puede empezar uno más ahora. Vuelva a intentarlo en {seconds} segundos.",
            $"The portal is already preparing other merged workbooks and cannot start one more now. Try again in {seconds} seconds."));
    }

    private static IActionResult NoWorkbook(PortalContext c, ReportingPeriod p) =>
        PortalGate.NotFound(c, new LocalizedText($"No hay informes aceptados del trimestre {p}: todavía no hay libro consolidado.",
            $"There are no accepted reports for {p}: there is no merged workbook yet."));
}
