using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages.Charts;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The picture over time (<c>/coalition/trends</c>): a plan and a range of its quarters, then execution by axis and
/// overall (a chart each, small multiples on one scale, with its reading and its table), the reporting rate, each
/// unit's execution by quarter, the stalled activities, the last quarter's movers and each activity's history. Every
/// figure is its quarter's progress-page figure (<see cref="TrendSeries"/>).
/// </summary>
public static class TrendsPage
{
    public static Html Render(PortalContext c, TrendSeries series, TrendRange range, IReadOnlyList<PlanCatalog> plans)
    {
        var l = c.Language;
        var title = c.T($"Tendencias del plan {series.Plan.Id}", $"Trends of the {series.Plan.Id} plan");
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            <p class="body">{c.T($"Del {series.From} al {series.To}: cada punto es la cifra de su trimestre tal como la muestra el avance regional.",
                $"From {series.From} to {series.To}: each point is its quarter's figure as regional progress shows it.")}</p>
            {Picker(c, range, plans)}
            <nav aria-label="{c.T("Secciones de la coalición", "Coalition sections")}"><ul class="sub-nav">
            <li><a href="{Routes.Coalition(series.To)}">{c.T($"Cumplimiento del {series.To}", $"Completeness, {series.To}")}</a></li>
            <li><a href="{Routes.Progress(series.To)}">{c.T($"Avance regional del {series.To}", $"Regional progress, {series.To}")}</a></li>
            <li><a href="{Routes.Trends}" aria-current="page">{c.T("Tendencias", "Trends")}</a></li>
            </ul></nav>
            <h2 class="heading-m" id="execution">{c.T("Ejecución por eje", "Execution by axis")}</h2>
            <p class="hint">{c.T("Línea continua y puntos llenos: la ejecución (ejecutado medio ÷ programado medio del año). Línea discontinua y franja gris: la cota inferior, que cuenta como 0 lo que falta. Punto hueco sobre columna rayada: cobertura baja. La línea se corta entre años: el ejecutado se reinicia cada año.",
                "Solid line and filled dots: execution (mean ejecutado ÷ the year's mean programado). Dashed line and grey band: the lower bound, counting what is missing as 0. Hollow dot on a hatched column: low coverage. The line breaks between years: ejecutado restarts each year.")}</p>
            {ExecutionFigure(c, "trend-overall", c.T("Total del plan", "Whole plan"), series.Quarters.Select(q => (q.Period, q.Overall)).ToList())}
            {series.Plan.Axes.Select(axis => ExecutionFigure(c, $"trend-axis-{axis.Code}", $"{axis.Code}. {axis.Name.In(l)}",
                series.Quarters.Select(q => (q.Period, q.Axis(axis.Code)!.Figures)).ToList()))}
            {RateFigure(c, series)}
            {TrendTables.Units(c, series)}
            {TrendTables.Stalled(c, series)}
            {TrendTables.Movers(c, series)}
            {TrendTables.Activities(c, series)}
            <h2 class="heading-m">{c.T("Reglas", "Rules")}</h2>
            <p class="hint">{TrendRules.Summary.In(l)}</p>
            <p class="hint">{RegionalProgressRules.Summary.In(l)}</p>
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, c.T("Tendencias", "Trends")));
    }

    private static Html Picker(PortalContext c, TrendRange range, IReadOnlyList<PlanCatalog> plans)
    {
        Html Option(string value, string text, bool selected) => selected
            ? Html.Of($"""<option value="{value}" selected>{text}</option>""")
            : Html.Of($"""<option value="{value}">{text}</option>""");
        var planOptions = plans.Select(p => Option(p.Id, $"{p.Id} ({p.FirstYear}–{p.LastYear})", p.Id == range.Plan.Id));
        var quarters = range.PlanQuarters;
        return Html.Of($"""
            <form class="period-picker" method="get" action="{Routes.Trends}">
            <div><label class="label" for="plan">{c.T("Plan", "Plan")}</label>
            <select id="plan" name="plan">{planOptions}</select></div>
            <div><label class="label" for="from">{c.T("Desde", "From")}</label>
            <select id="from" name="from">{quarters.Select(q => Option(q.ToString(), q.ToString(), q == range.From))}</select></div>
            <div><label class="label" for="to">{c.T("Hasta", "To")}</label>
            <select id="to" name="to">{quarters.Select(q => Option(q.ToString(), q.ToString(), q == range.To))}</select></div>
            <button class="button button--secondary" type="submit">{c.T("Ver", "Show")}</button>
            </form>
            <p class="hint">{c.T("Al cambiar de plan, los trimestres se ajustan a los del plan elegido.", "When the plan changes, the quarters are kept within the chosen plan's.")}</p>
            """);
    }

    private static Html ExecutionFigure(PortalContext c, string id, string name, IReadOnlyList<(ReportingPeriod Period, ProgressFigures Figures)> points)
    {
        var l = c.Language;
        var reading = TrendReading.Execution(name, points, l);
        var chart = TrendLineChart.Render(id, c.T($"Ejecución: {name}", $"Execution: {name}"), reading,
            points.Select(p => TrendLineChart.Point(p.Period, p.Figures, l)).ToList(), l);
        var rows = points.Select(p => Html.Of($"""
            <tr>
            <th scope="row" class="nowrap">{p.Period.ToString()}</th>
            <td class="numeric nowrap" data-quarter="{p.Period.ToString()}">{FigureFormat.Percent(p.Figures.Execution, l)}</td>
            <td class="numeric nowrap">{(p.Figures.IsPartial ? FigureFormat.Percent(p.Figures.LowerBoundExecution, l) : "—")}</td>
            <td>{c.T($"{p.Figures.UnitsReporting} de {p.Figures.UnitsExpected} unidades", $"{p.Figures.UnitsReporting} of {p.Figures.UnitsExpected} units")}</td>
            <td>{c.T($"{p.Figures.ActivitiesReported} de {p.Figures.ActivitiesPlanned}", $"{p.Figures.ActivitiesReported} of {p.Figures.ActivitiesPlanned}")}</td>
            <td>{(TrendRules.IsLowCoverage(p.Figures) && p.Figures.Execution is not null ? c.T("cobertura baja", "low coverage") : "")}</td>
            </tr>
            """));
        return Html.Of($"""
            <figure class="trend-figure" data-chart="{id}">
            <figcaption><strong class="heading-s">{name}</strong> <span class="body">{reading}</span></figcaption>
            {chart}
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="{id}-caption">
            <table data-table="{id}">
            <caption class="visually-hidden" id="{id}-caption">{c.T($"Ejecución por trimestre: {name}", $"Execution by quarter: {name}")}</caption>
            <thead><tr><th scope="col">{c.T("Trimestre", "Quarter")}</th><th scope="col" class="numeric">{c.T("Ejecución", "Execution")}</th><th scope="col" class="numeric">{c.T("Cota inferior", "Lower bound")}</th><th scope="col">{c.T("Unidades con datos", "Units with data")}</th><th scope="col">{c.T("Actividades programadas con datos", "Programmed activities with data")}</th><th scope="col">{c.T("Nota", "Note")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            </figure>
            """);
    }

    private static Html RateFigure(PortalContext c, TrendSeries series)
    {
        var l = c.Language;
        var rates = series.Quarters.Select(q => q.Rate).ToList();
        var reading = TrendReading.Rate(rates, l);
        const string id = "trend-rate";
        var chart = ReportingRateChart.Render(id, c.T("Tasa de informe por trimestre", "Reporting rate by quarter"), reading, rates, l);
        var rows = rates.Select(r => Html.Of($"""
            <tr>
            <th scope="row" class="nowrap">{r.Period.ToString()}</th>
            <td class="numeric" data-quarter="{r.Period.ToString()}">{r.Reported}/{r.Expected}</td>
            {ReportingRateChart.Order.Select(t => Html.Of($"""<td class="numeric">{r.Count(t)}</td>"""))}
            </tr>
            """));
        return Html.Of($"""
            <h2 class="heading-m" id="rate">{c.T("Tasa de informe", "Reporting rate")}</h2>
            <figure class="trend-figure" data-chart="{id}">
            <figcaption><span class="body">{reading}</span></figcaption>
            {chart}
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="{id}-caption">
            <table data-table="{id}">
            <caption class="visually-hidden" id="{id}-caption">{c.T("Unidades por trimestre según su envío", "Units by quarter by what they sent")}</caption>
            <thead><tr><th scope="col">{c.T("Trimestre", "Quarter")}</th><th scope="col" class="numeric">{c.T("Informaron / esperadas", "Reported / expected")}</th>{ReportingRateChart.Order.Select(t => Html.Of($"""<th scope="col" class="numeric">{ReportingRateChart.Name(t, l)}</th>"""))}</tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            </figure>
            """);
    }
}
