using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /units/{unit}</c>: the unit's quarters of the plans in force, as a task list with status tags, then its own
/// history (execution and timeliness by quarter of the calendar's plan, from the cached trend series).
/// </summary>
public sealed class UnitQuartersFunction(PortalGate gate, UnitQuarters quarters, ReportingCalendar calendar, CoalitionPeriods periods,
    TrendService trends, PlanRegistry plans)
{
    [Function("PortalUnit")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Unit)] HttpRequest req, string unit, CancellationToken ct)
    {
        if (gate.Unit(req, unit, change: false, out var c, out var u) is { } refusal) return refusal;
        var latest = periods.Default();
        var series = await trends.GetAsync(TrendRange.Of(plans.Find(latest) ?? plans.Default, latest), ct);
        return PortalResults.Page(Layout.Page<UnitQuartersPage>(c, new()
        {
            [nameof(UnitQuartersPage.Unit)] = u,
            [nameof(UnitQuartersPage.Quarters)] = await quarters.ListAsync(u, ct),
            [nameof(UnitQuartersPage.Now)] = calendar.Now,
            [nameof(UnitQuartersPage.History)] = series,
        }));
    }
}
