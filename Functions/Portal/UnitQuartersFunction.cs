using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary><c>GET /units/{unit}</c>: the unit's quarters of the plans in force, as a task list with status tags.</summary>
public sealed class UnitQuartersFunction(PortalGate gate, UnitQuarters quarters, ReportingCalendar calendar)
{
    [Function("PortalUnit")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "units/{unit}")] HttpRequest req, string unit, CancellationToken ct)
    {
        if (gate.Unit(req, unit, change: false, out var c, out var u) is { } refusal) return refusal;
        return PortalResults.Page(UnitQuartersPage.Render(c, u, await quarters.ListAsync(u, ct), calendar.Now));
    }
}
