using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /units/{unit}/{period}</c> (the link result mails carry): the quarter's status, due date, lock state,
/// reminders sent, template, upload form, history with originals, and refused checks; <c>?submission={id}</c> follows
/// one submission without script.
/// </summary>
public sealed class UnitPeriodFunction(PortalGate gate, UnitPeriodModels models)
{
    [Function("PortalUnitPeriod")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.UnitPeriod)] HttpRequest req, string unit, string period,
        CancellationToken ct)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        return PortalResults.Page(UnitPeriodPage.Render(c, await models.LoadAsync(u, p, verdict: null, followed: req.Query["submission"], ct)));
    }
}
