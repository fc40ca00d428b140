using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;
using ServerlessPlan.Functions.Portal.Pages.Operations;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The ST's operations page (role <c>Coalition.Admin</c>): <c>GET /coalition/operations</c> shows the operations status
/// (<see cref="OperationsStatusService"/>, what <c>serverlessplan status</c> prints) and <c>POST
/// /coalition/operations/replay</c> processes uploads again through the same ingestion (<see cref="DeadLetterReplay"/>,
/// what <c>serverlessplan replay</c> runs): field <c>blob</c> for one upload, or <c>what=dead-letters</c> for the poison
/// queue and Event Grid's dead-letters. Protected against cross-site requests as the board's forms are; post/redirect/get.
/// </summary>
public sealed class OperationsFunctions(PortalGate gate, OperationsStatusService status, DeadLetterReplay replay)
{
    /// <summary>An upload's path is at most this long (container, unit, period and a file name bounded by the portal's upload).</summary>
    private const int MaxBlobPath = 1024;

    [Function("PortalOperations")]
    public async Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Operations)] HttpRequest req, CancellationToken ct)
    {
        if (gate.Operator(req, out var c) is { } refusal) return refusal;
        var s = await status.ReadAsync(ct);
        if (c.WantsJson) return PortalResults.Json(s);
        return PortalResults.Page(Layout.Page<OperationsPage>(c, new()
        {
            [nameof(OperationsPage.Status)] = s,
            [nameof(OperationsPage.AntiForgeryToken)] = c.AntiForgeryToken,
            [nameof(OperationsPage.Crumbs)] = CoalitionNav.Crumbs(c, c.T(OperationsTexts.Title)),
            [nameof(OperationsPage.Replayed)] = ReplayedFrom(req),
        }));
    }

    [Function("PortalReplay")]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.Replay)] HttpRequest req, CancellationToken ct)
    {
        if (gate.Operator(req, out var c) is { } refusal) return refusal;
        if (SmallForm.DeclaredTooLarge(req))
        {
            return HttpFailure.Respond(c, StatusCodes.Status413PayloadTooLarge, "FORM_TOO_LARGE", Problems.FormTooLargeTitle,
                new LocalizedText("El formulario es más grande de lo que este formulario puede ser: no se leyó.", "The form is larger than this form can be: it was not read."));
        }
        var form = await SmallForm.ReadAsync(req, ct);
        if (gate.CrossSite(c, form?[AntiForgery.FieldName].ToString()) is { } crossSite) return crossSite;
        var blob = form?[OperationsPage.BlobField].ToString() ?? "";
        var all = form?[OperationsPage.WhatField].ToString() == OperationsPage.DeadLettersValue;
        if (form is null || (blob.Length == 0) == !all || blob.Length > MaxBlobPath)
        {
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "REPLAY_INVALID", Problems.BadRequestTitle,
                new LocalizedText("Indique una planilla (blob) o todo lo devuelto (what=dead-letters). Vuelva a la página de operación y envíe otra vez.",
                    "Name one sheet (blob) or everything returned (what=dead-letters). Go back to the operations page and send again."));
        }

        IReadOnlyList<ReplayedUpload> replayed = all ? await replay.ReplayAllAsync(ct) : [await replay.ReplayBlobAsync("portal", blob, ct)];
        var failed = replayed.Count(r => r.Failed);
        if (c.WantsJson)
        {
            return PortalResults.Json(new
            {
                replayed = replayed.Select(r => new { source = r.Source, blob = r.UploadBlob, outcome = r.Failed ? "failed" : r.Result?.Outcome.ToString() ?? "missing", mail = r.Result?.MailPending }),
            });
        }
        c.Http.Response.Headers.Location = $"{Routes.Operations}?{OperationsPage.DoneQuery}={replayed.Count}&{OperationsPage.FailedQuery}={failed}";
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    /// <summary>What the replay just did, from its redirect's numbers only (nothing a link could make the page say).</summary>
    private static OperationsPage.ReplayOutcome? ReplayedFrom(HttpRequest req)
    {
        const NumberStyles digits = NumberStyles.None;
        if (!int.TryParse(req.Query[OperationsPage.DoneQuery].ToString(), digits, CultureInfo.InvariantCulture, out var done)) return null;
        _ = int.TryParse(req.Query[OperationsPage.FailedQuery].ToString(), digits, CultureInfo.InvariantCulture, out var failed);
        return new(done, failed);
    }
}
