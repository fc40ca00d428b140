using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The verdict page of one stored report, in HTML: an upload of the quarter's history
/// (<c>/units/{unit}/{period}/submissions/{id}/verdict</c>) or a sheet the portal refused
/// (<c>/units/{unit}/{period}/checks/{stem}/verdict</c>). Whoever may see the unit's quarter page may see it (its focal
/// points, readers); the JSON report stays at <c>…/report</c>.
/// </summary>
public sealed class VerdictPageFunctions(PortalGate gate, StoredVerdicts verdicts)
{
    [Function("PortalSubmissionVerdict")]
    public async Task<IActionResult> Submission(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.SubmissionVerdict)] HttpRequest req,
        string unit, string period, string id, CancellationToken ct)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        var model = await verdicts.ForSubmissionAsync(u, p, id, ct);
        return model is null ? PortalGate.NotFound(c, StoredVerdictTexts.NoSuchUpload) : PortalResults.Page(StoredVerdictPage.Render(c, model));
    }

    [Function("PortalCheckVerdict")]
    public async Task<IActionResult> Check(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.CheckVerdict)] HttpRequest req,
        string unit, string period, string stem, CancellationToken ct)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        var model = await verdicts.ForCheckAsync(u, p, stem, ct);
        return model is null ? PortalGate.NotFound(c, StoredVerdictTexts.NoSuchCheck) : PortalResults.Page(StoredVerdictPage.Render(c, model));
    }
}
