using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /coalition/{period}/digest</c>: the Presidency's digest as it would be sent now, rendered by the digest's
/// own path without sending and without building the workbook (<see cref="DigestService.PreviewAsync"/>: a page view
/// must not cost a workbook build); <c>…/digest/mail</c> is the e-mail's HTML for
/// the page's sandboxed frame, with a policy of its own (inline styles, as e-mail needs; no script; framed by this site only).
/// </summary>
public sealed class DigestFunctions(PortalGate gate, DigestService digests, WorkbookCache workbooks, CoalitionPeriods periods)
{
    private const string MailPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

    [Function("PortalDigest")]
    public async Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Digest)] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        var rendered = await digests.PreviewAsync(p, await workbooks.StoredLengthAsync(p, ct), ct);
        return PortalResults.Page(Layout.Page<DigestPage>(c, new()
        {
            [nameof(DigestPage.Period)] = p,
            [nameof(DigestPage.Message)] = rendered.Message,
            [nameof(DigestPage.Periods)] = periods.All(),
            [nameof(DigestPage.IsAdmin)] = c.User?.IsAdmin == true,
        }));
    }

    [Function("PortalDigestMail")]
    public async Task<IActionResult> Mail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.DigestMail)] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        var rendered = await digests.PreviewAsync(p, await workbooks.StoredLengthAsync(p, ct), ct);
        if (rendered.Message is null)
            return PortalGate.NotFound(c, new LocalizedText("No hay informes aceptados de este trimestre.", "There are no accepted reports for this quarter."));
        var headers = c.Http.Response.Headers;
        headers["Content-Security-Policy"] = MailPolicy;
        headers["X-Frame-Options"] = "SAMEORIGIN";
        return PortalResults.Page(Html.Raw(rendered.Message.HtmlBody));
    }
}
