using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages.Charts;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// A unit's own history on its pages: its execution over its part of the plan by quarter (a chart with its reading and
/// its table, the trends page's figures for the unit) and how each quarter's sheet arrived. Only the unit's own figures.
/// </summary>
public static class UnitHistoryView
{
    public static Html Render(PortalContext c, ReportingUnit unit, TrendSeries series)
    {
        var l = c.Language;
        var points = series.Quarters
            .Select(q => (q.Period, Point: q.Unit(unit.Code)))
            .Where(p => p.Point is not null)
            .Select(p => (p.Period, Point: p.Point!))
            .ToList();
        if (points.Count == 0) return Html.Empty;
        var empty = new ProgressFigures(null, null, 0, 0);
        var figures = points.Select(p => (p.Period, Figures: p.Point.HasReported ? p.Point.Figures ?? empty : empty)).ToList();
        var name = unit.Name.In(l);
        var reading = TrendReading.Execution(c.T($"La ejecución de {name}", $"{name}'s execution"), figures, l);
        var id = "unit-history";
        // One unit: its coverage is whether it reported, so no quarter is "low coverage" — a missing quarter shows as no value.
        var chart = ChartMarkup.Line(id, c.T($"Ejecución de {name} por trimestre", $"{name}'s execution by quarter"), reading,
            figures.Select(f => new ChartPoint(f.Period, f.Figures.Execution, f.Figures.IsPartial ? f.Figures.LowerBoundExecution : null, false,
                FigureFormat.Percent(f.Figures.Execution, l))).ToList(), l);
        var rows = points.Select(p => Html.Of($"""
            <tr>
            <th scope="row" class="nowrap">{p.Period.ToString()}</th>
            <td class="numeric nowrap" data-quarter="{p.Period.ToString()}">{FigureFormat.Percent(p.Point.HasReported ? p.Point.Figures?.Execution : null, l)}</td>
            <td class="numeric nowrap">{(p.Point.HasReported && p.Point.Figures is { IsPartial: true } f ? FigureFormat.Percent(f.LowerBoundExecution, l) : "—")}</td>
            <td>{(p.Point.HasReported ? c.T($"{p.Point.ActivitiesReported} de {p.Point.ActivitiesExpected}", $"{p.Point.ActivitiesReported} of {p.Point.ActivitiesExpected}") : "—")}</td>
            <td>{PortalFormat.Tag(p.Point.Timeliness, l)}</td>
            </tr>
            """));
        return Html.Of($"""
            <h2 class="heading-m" id="history">{c.T("Su historia", "Your history")}</h2>
            <p class="hint">{c.T($"Ejecución de su unidad sobre su parte del plan {series.Plan.Id}, con las mismas reglas que el avance regional, y cómo llegó cada planilla.",
                $"Your unit's execution over its part of the {series.Plan.Id} plan, by the same rules as regional progress, and how each sheet arrived.")}</p>
            <figure class="trend-figure" data-chart="{id}">
            <figcaption><span class="body">{reading}</span></figcaption>
            {chart}
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="{id}-caption">
            <table data-table="{id}">
            <caption class="visually-hidden" id="{id}-caption">{c.T("Ejecución y puntualidad de su unidad por trimestre", "Your unit's execution and timeliness by quarter")}</caption>
            <thead><tr><th scope="col">{c.T("Trimestre", "Quarter")}</th><th scope="col" class="numeric">{c.T("Ejecución", "Execution")}</th><th scope="col" class="numeric">{c.T("Cota inferior", "Lower bound")}</th><th scope="col">{c.T("Actividades con número", "Activities with a number")}</th><th scope="col">{c.T("Envío", "Sheet")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            </figure>
            """);
    }
}
