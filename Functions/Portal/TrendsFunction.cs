using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;
using ServerlessPlan.Functions.Portal.Pages.Trends;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The trends page (role <c>Coalition.Reader</c>): <c>/coalition/trends?plan=2020-2022&amp;from=2020-Q3&amp;to=2021-Q4</c>,
/// every parameter optional — the plan of the calendar's quarter, from its first quarter to the calendar's quarter.
/// The series is computed once per set of current submissions (<see cref="TrendService"/>).
/// </summary>
public sealed class TrendsFunction(PortalGate gate, CoalitionPeriods periods, TrendService trends, PlanRegistry plans)
{
    [Function("PortalTrends")]
    public async Task<IActionResult> Trends(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Trends)] HttpRequest req, CancellationToken ct)
    {
        if (gate.Reader(req, out var c) is { } refusal) return refusal;
        var latest = periods.Default();
        var planId = req.Query["plan"].ToString().Trim();
        var plan = planId.Length == 0 ? plans.Find(latest) ?? plans.Default : plans.FindById(planId);
        if (plan is null)
        {
            return HttpFailure.Respond(c, StatusCodes.Status404NotFound, "PLAN_NOT_FOUND", Problems.NotFoundTitle, new LocalizedText(
                $"No hay un plan vigente «{Clip(planId)}». Elija uno de la lista de la página de tendencias.",
                $"There is no plan in force \"{Clip(planId)}\". Choose one from the list on the trends page."));
        }

        if (!Quarter(req, "from", out var from, out var invalid) || !Quarter(req, "to", out var to, out invalid))
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "INVALID_PERIOD", Problems.BadRequestTitle, invalid!);

        var range = TrendRange.Of(plan, latest, from, to);
        var series = await trends.GetAsync(range, ct);
        return PortalResults.Page(Layout.Page<TrendsPage>(c, new()
        {
            [nameof(TrendsPage.Series)] = series,
            [nameof(TrendsPage.Range)] = range,
            [nameof(TrendsPage.Plans)] = plans.Plans.Plans.Select(p => p.Catalog).ToList(),
            [nameof(TrendsPage.Crumbs)] = CoalitionNav.Crumbs(c, c.T(TrendsTexts.Crumb)),
        }));
    }

    private static bool Quarter(HttpRequest req, string name, out ReportingPeriod? period, out LocalizedText? invalid)
    {
        period = null;
        invalid = null;
        var text = req.Query[name].ToString();
        if (text.Length == 0) return true;
        if (!RequestWords.TryPeriod(Clip(text), out var parsed, out invalid)) return false;
        period = parsed;
        return true;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] : text;
}
