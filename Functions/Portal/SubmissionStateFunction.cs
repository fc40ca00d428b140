using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /units/{unit}/{period}/submissions/{id}</c>: where one submission stands, as small JSON the page polls
/// (<c>state</c>: processing, current, superseded, rejected; <c>final</c>; <c>message</c> in the user's language).
/// A browser navigating here gets the quarter's page following it.
/// </summary>
public sealed class SubmissionStateFunction(PortalGate gate, SubmissionStore submissions)
{
    [Function("PortalSubmissionState")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.SubmissionState)] HttpRequest req,
        string unit, string period, string id, CancellationToken ct)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        if (!UnitFiles.IsContentId(id))
            return PortalGate.NotFound(c, new LocalizedText("No hay un envío con ese identificador.", "There is no submission with that id."));
        if (!c.WantsJson) return new RedirectResult($"{Routes.UnitPeriod(u.Code, p)}?submission={id}");

        var partition = TableKeys.Partition(p, u.Code);
        var entry = submissions.GetAsync(partition, id, ct);
        var pointer = submissions.GetPointerAsync(partition, ct);
        var (message, final) = SubmissionStateText.Of(await entry, await pointer);
        return PortalResults.Json(new { state = SubmissionStateText.State(await entry, await pointer), final, message = message.In(c.Language) });
    }
}
