using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Reports.PlanMatrix;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;
using ServerlessPlan.Functions.Portal.Pages.Trends;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The trends page (role <c>Coalition.Reader</c>): <c>/coalition/trends?plan=2020-2022&amp;from=2020-Q3&amp;to=2021-Q4</c>,
/// every parameter optional — the plan of the calendar's quarter, from its first quarter to the calendar's quarter;
/// <c>&amp;units=2&amp;stalled=1&amp;activities=3</c> choose the page of its long tables (<see cref="TrendPages"/>).
/// The series is computed once per set of current submissions (<see cref="TrendService"/>). Its download,
/// <c>/coalition/trends/plan-matrix.xlsx?plan=2020-2022&amp;year=2021&amp;lang=es</c>, is the plan's matrix filled
/// (<see cref="PlanMatrixReport"/>, as <c>plan-report</c>), built in one of the instance's workbook build slots.
/// </summary>
public sealed class TrendsFunction(PortalGate gate, CoalitionPeriods periods, TrendService trends, PlanRegistry plans,
    PlanMatrixReport matrices, WorkbookBuilds builds)
{
    [Function("PortalTrends")]
    public async Task<IActionResult> Trends(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Trends)] HttpRequest req, CancellationToken ct)
    {
        if (gate.Reader(req, out var c) is { } refusal) return refusal;
        var latest = periods.Default();
        var planId = req.Query["plan"].ToString().Trim();
        var plan = planId.Length == 0 ? plans.Find(latest) ?? plans.Default : plans.FindById(planId);
        if (plan is null) return NoPlan(c, planId);

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
            [nameof(TrendsPage.Pages)] = TrendPages.Of(name => req.Query[name].ToString()),
        }));
    }

    [Function("PortalPlanMatrix")]
    public async Task<IActionResult> PlanMatrix(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.PlanMatrix)] HttpRequest req, CancellationToken ct)
    {
        if (gate.Reader(req, out var c) is { } refusal) return refusal;
        var planId = req.Query["plan"].ToString().Trim();
        var plan = planId.Length == 0 ? plans.Find(periods.Default()) ?? plans.Default : plans.FindById(planId);
        if (plan is null) return NoPlan(c, planId);

        int? year = null;
        var yearText = req.Query["year"].ToString();
        if (yearText.Length > 0)
        {
            if (!int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) || !plan.ContainsYear(y))
            {
                return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "INVALID_YEAR", Problems.BadRequestTitle, new LocalizedText(
                    $"El año debe ser uno del plan {plan.Id}: de {plan.FirstYear} a {plan.LastYear}.", $"The year must be one of the {plan.Id} plan's: {plan.FirstYear} to {plan.LastYear}."));
            }
            year = y;
        }

        var language = c.Language;
        if (req.Query["lang"].ToString() is { Length: > 0 } lang && !RequestWords.TryLanguage(Clip(lang), out language, out var badLanguage))
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "INVALID_LANGUAGE", Problems.BadRequestTitle, badLanguage);

        try
        {
            var (content, matrix) = await builds.AloneAsync<(MemoryStream? Content, FilledPlanMatrix Matrix)>(async token =>
            {
                var filled = await matrices.BuildAsync(plan, year, token);
                if (!filled.HasData) return (null, filled);
                var buffer = new MemoryStream();
                matrices.Write(buffer, filled, language);
                buffer.Position = 0;
                return (buffer, filled);
            }, ct);
            if (content is null)
            {
                return PortalGate.NotFound(c, new LocalizedText(
                    $"No hay informes aceptados del plan {plan.Id} hasta el {matrix.Through}: la matriz no tiene con qué llenarse.",
                    $"There are no accepted reports for the {plan.Id} plan up to {matrix.Through}: there is nothing to fill the matrix with."));
            }

            return PortalResults.File(content, Xlsx.ContentType, PlanMatrixReport.FileName(matrix, language));
        }
        catch (WorkbookBuildsBusyException busy)
        {
            return CoalitionFunctions.Busy(c, busy);
        }
    }

    private static IActionResult NoPlan(PortalContext c, string planId) =>
        HttpFailure.Respond(c, StatusCodes.Status404NotFound, "PLAN_NOT_FOUND", Problems.NotFoundTitle, new LocalizedText(
            $"No hay un plan vigente «{Clip(planId)}». Elija uno de la lista de la página de tendencias.",
            $"There is no plan in force \"{Clip(planId)}\". Choose one from the list on the trends page."));

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
