using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /units/{unit}/{period}</c> (the link result mails carry): the quarter's status, due date, template, upload
/// form, history with originals, and refused checks; <c>?submission={id}</c> follows one submission without script.
/// </summary>
public sealed class UnitPeriodFunction(PortalGate gate, UnitQuarters quarters, UnitFiles files, IOptions<IngestionOptions> ingestion, ReportingCalendar calendar)
{
    [Function("PortalUnitPeriod")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "units/{unit}/{period}")] HttpRequest req, string unit, string period,
        CancellationToken ct)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        var quarter = quarters.GetAsync(u, p, ct);
        var refused = files.ListRefusedAsync(u.Code, p, ct);
        var model = new UnitPeriodPage.Model(calendar.Now, await quarter, await refused, ingestion.Value.MaxUploadBytes, FollowedSubmission: req.Query["submission"]);
        return PortalResults.Page(UnitPeriodPage.Render(c, model));
    }
}
