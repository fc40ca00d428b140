using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The trends page's tables: units × quarters, stalled activities, the last quarter's movers, each activity's history.</summary>
public static class TrendTables
{
    /// <summary>Each unit's own execution by quarter, with how it stood against the deadline (a unit not yet a member shows "—").</summary>
    public static Html Units(PortalContext c, TrendSeries series)
    {
        var l = c.Language;
        var units = series.Quarters.SelectMany(q => q.Units.Select(u => u.Unit)).DistinctBy(u => u.Code).ToList();
        var rows = units.Select(unit => Html.Of($"""
            <tr>
            <th scope="row"><a href="{Routes.Unit(unit.Code)}">{unit.Name.In(l)}</a></th>
            {series.Quarters.Select(q => UnitCell(c, q.Unit(unit.Code)))}
            </tr>
            """));
        return ByQuarter(series, "units", "trend-units",
            c.T("Ejecución de cada unidad por trimestre", "Each unit's execution by quarter"),
            c.T("La ejecución de la unidad sobre su parte del plan, con las mismas reglas que la regional, y cómo llegó su planilla.", "The unit's execution over its part of the plan, by the same rules as the region's, and how its sheet arrived."),
            c.T("Ejecución y puntualidad de cada unidad por trimestre", "Each unit's execution and timeliness by quarter"),
            c.T("Unidad", "Unit"), rows);
    }

    private static Html UnitCell(PortalContext c, UnitQuarterPoint? point)
    {
        if (point is null) return Html.Of($"""<td class="numeric">—</td>""");
        var l = c.Language;
        var value = point.HasReported ? FigureFormat.Percent(point.Figures?.Execution, l) : "—";
        return Html.Of($"""<td class="numeric nowrap">{value}<br><span class="hint">{Charts.ReportingRateChart.Name(point.Timeliness, l)}</span></td>""");
    }

    public static Html Stalled(PortalContext c, TrendSeries series)
    {
        var l = c.Language;
        var heading = Html.Of($"""<h2 class="heading-m" id="stalled">{c.T($"Actividades sin movimiento ({TrendRules.StalledQuarters} o más trimestres seguidos)", $"Activities that have not moved ({TrendRules.StalledQuarters} or more quarters in a row)")}</h2>""");
        if (series.Stalled.Count == 0)
            return Html.Of($"""{heading}<p class="body">{c.T($"Ninguna actividad por debajo de lo programado lleva {TrendRules.StalledQuarters} trimestres seguidos sin moverse hasta el {series.To}.", $"No activity below its programado has gone {TrendRules.StalledQuarters} quarters in a row without moving up to {series.To}.")}</p>""");
        var rows = series.Stalled.Select(s => Html.Of($"""
            <tr>
            <th scope="row"><span class="nowrap">{s.Latest.Activity.Code}</span> {Text(s.Latest, l)}</th>
            <td class="numeric">{s.Quarters}</td>
            <td class="numeric nowrap">{FigureFormat.Percent(s.Latest.RegionalEjecutado, l)} / {FigureFormat.Percent(s.Latest.Programado, l)}</td>
            <td>{c.T($"{s.Latest.Reporting} de {s.Latest.Expected} unidades", $"{s.Latest.Reporting} of {s.Latest.Expected} units")}</td>
            </tr>
            """));
        return Html.Of($"""
            {heading}
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="trend-stalled-caption">
            <table data-table="trend-stalled">
            <caption class="visually-hidden" id="trend-stalled-caption">{c.T("Actividades sin movimiento, la más larga primero", "Activities that have not moved, longest first")}</caption>
            <thead><tr><th scope="col">{c.T("Actividad", "Activity")}</th><th scope="col" class="numeric">{c.T("Trimestres sin moverse", "Quarters without moving")}</th><th scope="col" class="numeric">{c.T($"Ejecutado / programado ({series.To})", $"Ejecutado / programado ({series.To})")}</th><th scope="col">{c.T("Cobertura", "Coverage")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    public static Html Movers(PortalContext c, TrendSeries series)
    {
        var l = c.Language;
        var heading = Html.Of($"""<h2 class="heading-m" id="movers">{c.T($"Mayores cambios del {series.To}", $"Biggest movers of {series.To}")}</h2>""");
        if (series.Movers.Count == 0)
            return Html.Of($"""{heading}<p class="body">{c.T("Sin cambios comparables en el último trimestre (en un T1 no los hay: el ejecutado se reinicia cada año).", "No like-for-like changes in the last quarter (a Q1 has none: ejecutado restarts each year).")}</p>""");
        var rows = series.Movers.Select(a => Html.Of($"""
            <tr>
            <th scope="row"><span class="nowrap">{a.Activity.Code}</span> {Text(a, l)}</th>
            <td class="numeric nowrap">{c.T($"{FigureFormat.Signed(a.Change!.Points, l)} puntos", $"{FigureFormat.Signed(a.Change!.Points, l)} points")}</td>
            <td class="numeric">{a.Change.Units}</td>
            <td class="numeric nowrap">{FigureFormat.Percent(a.RegionalEjecutado, l)} / {FigureFormat.Percent(a.Programado, l)}</td>
            </tr>
            """));
        return Html.Of($"""
            {heading}
            <p class="hint">{c.T("Cambio comparable: solo las unidades que informaron la actividad en ambos trimestres.", "Like-for-like change: only the units that reported the activity in both quarters.")}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="trend-movers-caption">
            <table data-table="trend-movers">
            <caption class="visually-hidden" id="trend-movers-caption">{c.T("Actividades con los mayores cambios comparables del último trimestre", "Activities with the largest like-for-like changes of the last quarter")}</caption>
            <thead><tr><th scope="col">{c.T("Actividad", "Activity")}</th><th scope="col" class="numeric">{c.T("Cambio", "Change")}</th><th scope="col" class="numeric">{c.T("Unidades comparadas", "Units compared")}</th><th scope="col" class="numeric">{c.T("Ejecutado / programado", "Ejecutado / programado")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    /// <summary>Each activity's regional ejecutado by quarter with its coverage (k/n), so its history reads across a row.</summary>
    public static Html Activities(PortalContext c, TrendSeries series)
    {
        var l = c.Language;
        var rows = series.Plan.Activities.Select(activity => Html.Of($"""
            <tr>
            <th scope="row" class="activity-name"><span class="nowrap">{activity.Code}</span> {(l == Language.En && activity.English is { } english ? english.Text : activity.Text)}</th>
            {series.Quarters.Select(q => ActivityCell(c, q.Activity(activity.Code)))}
            </tr>
            """));
        return ByQuarter(series, "activities", "trend-activities",
            c.T("Historia de cada actividad", "Each activity's history"),
            c.T("Ejecutado regional por trimestre y, debajo, cuántas de las unidades esperadas dieron un número.", "Regional ejecutado by quarter and, under it, how many of the expected units gave a number."),
            c.T("Ejecutado regional de cada actividad por trimestre, con su cobertura", "Each activity's regional ejecutado by quarter, with its coverage"),
            c.T("Actividad", "Activity"), rows);
    }

    private static Html ActivityCell(PortalContext c, ActivityProgress? a)
    {
        if (a is null || !a.IsProgrammed) return Html.Of($"""<td class="numeric hint">{c.T("no prog.", "not prog.")}</td>""");
        if (a.IsNotApplicableToAll) return Html.Of($"""<td class="numeric hint">{c.T("no aplica", "n/a")}</td>""");
        return Html.Of($"""<td class="numeric nowrap">{FigureFormat.Percent(a.RegionalEjecutado, c.Language)}<br><span class="hint">{a.Reporting}/{a.Expected}</span></td>""");
    }

    private static string Text(ActivityProgress a, Language language) =>
        language == Language.En && a.Activity.English is { } english ? english.Text : a.Activity.Text;

    /// <summary>
    /// A table with one row per thing and one column per quarter of <paramref name="series"/>, under its heading
    /// (<paramref name="anchor"/>) and hint, in a scroll box reachable by keyboard and named by its caption.
    /// </summary>
    private static Html ByQuarter(TrendSeries series, string anchor, string table, string heading, string hint, string caption, string rowHeader, IEnumerable<Html> rows) => Html.Of($"""
        <h2 class="heading-m" id="{anchor}">{heading}</h2>
        <p class="hint">{hint}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="{table}-caption">
        <table data-table="{table}">
        <caption class="visually-hidden" id="{table}-caption">{caption}</caption>
        <thead><tr><th scope="col">{rowHeader}</th>{series.Quarters.Select(q => Html.Of($"""<th scope="col" class="numeric nowrap">{q.Period.ToString()}</th>"""))}</tr></thead>
        <tbody>{rows}</tbody>
        </table>
        </div>
        """);
}
