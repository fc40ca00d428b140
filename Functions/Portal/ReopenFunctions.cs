using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The ST's reopen and lock from the completeness board (role <c>Coalition.Admin</c>, protected against cross-site
/// requests as the upload is): <c>POST /coalition/{period}/units/{unit}/reopen</c> (fields <c>days</c>, 1 to
/// <see cref="PeriodLockService.MaxDays"/>, and <c>reason</c>, required) and <c>…/lock</c> (optional <c>reason</c>), each
/// recorded by <see cref="PeriodLockService"/> as the CLI's <c>reopen</c> / <c>lock</c> record it, with the signed-in
/// person as who. A recorded change redirects to the board with a confirmation (post/redirect/get); invalid input
/// answers the board again with an error summary (400), a refusal such as "not locked yet" the same with 409; JSON
/// callers get the outcome or a problem JSON.
/// </summary>
public sealed class ReopenFunctions(PortalGate gate, PeriodLockService locks, CompletenessBoard board, CoalitionPeriods periods)
{
    public const string DaysField = "days";
    public const string ReasonField = "reason";

    [Function("PortalReopen")]
    public Task<IActionResult> Reopen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.Reopen)] HttpRequest req, string period, string unit,
        CancellationToken ct) => ChangeAsync(req, period, unit, ReopenForm.Action.Reopen, ct);

    [Function("PortalLock")]
    public Task<IActionResult> Lock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.Lock)] HttpRequest req, string period, string unit,
        CancellationToken ct) => ChangeAsync(req, period, unit, ReopenForm.Action.Lock, ct);

    private async Task<IActionResult> ChangeAsync(HttpRequest req, string period, string unit, ReopenForm.Action action, CancellationToken ct)
    {
        if (gate.Admin(req, period, unit, out var c, out var u, out var p) is { } refusal) return refusal;
        if (SmallForm.DeclaredTooLarge(req))
        {
            return HttpFailure.Respond(c, StatusCodes.Status413PayloadTooLarge, "FORM_TOO_LARGE", Problems.FormTooLargeTitle,
                new LocalizedText("El formulario es más grande de lo que este formulario puede ser: no se leyó.", "The form is larger than this form can be: it was not read."));
        }

        var form = await SmallForm.ReadAsync(req, ct);
        if (gate.CrossSite(c, form?[AntiForgery.FieldName].ToString()) is { } crossSite) return crossSite;
        if (form is null)
        {
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "FORM_UNREADABLE", Problems.BadRequestTitle,
                new LocalizedText("No se pudo leer el formulario. Vuelva al tablero y envíelo otra vez.", "The form could not be read. Go back to the board and send it again."));
        }

        var entry = new ReopenForm.Entry(u.Code, action, form[DaysField].ToString(), form[ReasonField].ToString());
        var errors = ReopenForm.Check(entry, out var days);
        if (errors.Count > 0) return await AgainAsync(c, p, entry with { Errors = errors }, StatusCodes.Status400BadRequest, ct);

        var by = c.User!.Name is { Length: > 0 } name ? name : c.User.Principal.UserId;
        var reason = entry.Reason.Trim();
        var change = action == ReopenForm.Action.Reopen
            ? await locks.ReopenAsync(new ReopenRequest(u.Code, p, days, reason, by), ct)
            : await locks.LockAsync(new LockRequest(u.Code, p, reason.Length > 0 ? reason : null, by), ct);
        if (change.Outcome == LockChangeOutcome.Refused)
        {
            var status = change.IsInvalidRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            var field = change.Refusal == LockRefusal.InvalidDays ? DaysField : ReasonField;
            return await AgainAsync(c, p, entry with { Errors = [new ReopenForm.Error(field, change.Message)] }, status, ct);
        }

        var outcome = JsonNamingPolicy.CamelCase.ConvertName(change.Outcome.ToString());
        if (c.WantsJson)
        {
            return PortalResults.Json(new
            {
                outcome,
                message = c.T(change.Message),
                unit = u.Code,
                period = p.ToString(),
                entry = change.Entry is { } e ? new { number = e.Number, action = e.Action.ToString().ToLowerInvariant(), at = e.At, until = e.Until, by = e.By, reason = e.Reason } : null,
            });
        }

        // Post/redirect/get: the board, read afresh, says what is now in force.
        c.Http.Response.Headers.Location = $"{Routes.Coalition(p)}?{BoardPageModel.DoneQuery}={outcome}&{BoardPageModel.UnitQuery}={u.Code}";
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    private async Task<IActionResult> AgainAsync(PortalContext c, ReportingPeriod p, ReopenForm.Entry entry, int status, CancellationToken ct)
    {
        if (c.WantsJson)
        {
            var detail = new LocalizedText(string.Join(" ", entry.Errors.Select(e => e.Message.Es)), string.Join(" ", entry.Errors.Select(e => e.Message.En)));
            return Problems.Result(status, status == StatusCodes.Status409Conflict ? "LOCK_CHANGE_REFUSED" : "LOCK_CHANGE_INVALID",
                status == StatusCodes.Status409Conflict ? Problems.ConflictTitle : Problems.BadRequestTitle, detail, c.Language);
        }

        return PortalResults.Page(BoardPageModel.Render(c, await board.LoadAsync(p, ct), periods.All(), entry), status);
    }
}
