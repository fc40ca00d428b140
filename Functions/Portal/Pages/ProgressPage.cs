using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// Regional progress as issue 12 has every report tell it, in the words the digest and the workbook use
/// (<see cref="RegionalHeadline"/>): completeness first (who reported, who did not, by name), then execution against
/// the year's programado with its coverage and its lower bound, one bar per axis (a <c>meter</c> with its figures
/// written beside it, so nothing is told by length alone), the activities furthest behind by relative progress (ties
/// said), and every activity with its coverage, "no aplica" as such and the like-for-like change.
/// </summary>
public static class ProgressPage
{
    /// <summary>How many of the activities furthest behind are listed first (the table below has them all).</summary>
    public const int MostBehindCount = 10;

    public static Html Render(PortalContext c, RegionalProgress progress, IReadOnlyList<ReportingPeriod> periods)
    {
        var title = c.T($"Avance regional del {PortalFormat.Quarter(progress.Period, c.Language)}", $"Regional progress, {PortalFormat.Quarter(progress.Period, c.Language)}");
        var overall = progress.Overall;
        var l = c.Language;
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            {CoalitionNav.Render(c, progress.Period, periods, CoalitionNav.Section.Progress)}
            <h2 class="heading-m">{c.T("Quién informó", "Who reported")}</h2>
            <p class="body">{RegionalHeadline.Reported(progress, l)}</p>
            <p class="body{(progress.MissingUnits.Count > 0 ? " emphasis" : "")}">{RegionalHeadline.Missing(progress, l)}</p>
            <p class="hint">{c.T(DeadlineText.Label)}: {PortalFormat.Day(progress.LastDayToSend, l)}. <a href="{Routes.Coalition(progress.Period)}">{c.T("Ver el estado de cada unidad", "See each unit's status")}</a></p>
            <h2 class="heading-m">{c.T("Cifras principales", "Headline figures")}</h2>
            <div class="panel" data-headline>
            <p class="lead">{c.T("Ejecución", "Execution")} <strong>{FigureFormat.Percent(overall.Execution, l)}</strong>{(overall.IsPartial ? Html.Of($""" · {c.T("cota inferior", "lower bound")} <strong>{FigureFormat.Percent(overall.LowerBoundExecution, l)}</strong>""") : Html.Empty)}</p>
            <p class="body">{RegionalHeadline.Execution(progress, l)}</p>
            <p class="body{(overall.IsPartial ? " emphasis" : "")}">{RegionalHeadline.LowerBound(progress, l)}</p>
            <p class="hint">{RegionalHeadline.ExecutionMeaning(progress.Period, l)}</p>
            <p class="body">{RegionalHeadline.Means(progress, l)}</p>
            </div>
            {Axes(c, progress)}
            {MostBehind(c, progress)}
            {Activities(c, progress)}
            <h2 class="heading-m">{c.T("Reglas", "Rules")}</h2>
            <p class="hint">{RegionalProgressRules.Summary.In(l)}</p>
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, title));
    }

    private static Html Axes(PortalContext c, RegionalProgress progress)
    {
        var l = c.Language;
        var rows = progress.Axes.Select(a => Html.Of($"""
            <tr>
            <th scope="row" id="axis-{a.AxisCode}">{a.AxisCode}. {a.Name.In(l)}</th>
            <td><meter min="0" max="100" value="{Clamp(a.Figures.Execution)}" aria-labelledby="axis-{a.AxisCode}">{FigureFormat.Percent(a.Figures.Execution, l)}</meter></td>
            <td class="numeric nowrap"><strong>{FigureFormat.Percent(a.Figures.Execution, l)}</strong></td>
            <td class="numeric nowrap">{(a.Figures.IsPartial ? FigureFormat.Percent(a.Figures.LowerBoundExecution, l) : "—")}</td>
            <td>{Coverage(c, a.Figures)}</td>
            </tr>
            """));
        return Html.Of($"""
            <h2 class="heading-m">{c.T("Por eje", "By axis")}</h2>
            <div class="table-wrap">
            <table>
            <caption class="visually-hidden">{c.T("Ejecución de cada eje frente a lo programado para el año, con su cota inferior y su cobertura", "Each axis's execution against the year's programado, with its lower bound and coverage")}</caption>
            <thead><tr><th scope="col">{c.T("Eje", "Axis")}</th><th scope="col"><span class="visually-hidden">{c.T("Barra", "Bar")}</span></th><th scope="col" class="numeric">{c.T("Ejecución", "Execution")}</th><th scope="col" class="numeric">{c.T("Cota inferior", "Lower bound")}</th><th scope="col">{c.T("Cobertura", "Coverage")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            <p class="hint">{c.T("Cada barra es la ejecución del eje (ejecutado medio ÷ programado medio del año, 0–100 %); la cota inferior cuenta como 0 cada valor que falta.", "Each bar is the axis's execution (mean ejecutado ÷ the year's mean programado, 0–100 %); the lower bound counts each missing value as 0.")}</p>
            """);
    }

    private static Html MostBehind(PortalContext c, RegionalProgress progress)
    {
        var l = c.Language;
        var ranked = DelayRanking.Of(progress);
        var heading = Html.Of($"""<h2 class="heading-m">{c.T("Actividades más atrasadas (ejecutado regional ÷ programado)", "Activities furthest behind (regional ejecutado ÷ programado)")}</h2>""");
        if (ranked.Count == 0)
            return Html.Of($"""{heading}<p class="body">{c.T("Ninguna actividad con datos está por debajo de lo programado.", "No activity with data is below its programado.")}</p>""");
        var shown = ranked.Take(MostBehindCount).ToList();
        var rows = shown.Select(d => Html.Of($"""
            <tr>
            <td class="nowrap">{(d.Tied ? $"{d.Rank}=" : $"{d.Rank}")}</td>
            <th scope="row"><span class="nowrap">{d.Activity.Activity.Code}</span> {TextOf(d.Activity, l)}</th>
            <td class="numeric nowrap">{FigureFormat.Percent(d.Relative * 100, l)}</td>
            <td class="numeric nowrap">{FigureFormat.Percent(d.Activity.RegionalEjecutado, l)} / {FigureFormat.Percent(d.Activity.Programado, l)}</td>
            <td>{Coverage(c, d.Activity)}</td>
            <td>{Change(c, d.Activity)}</td>
            </tr>
            """));
        var ties = shown.Any(d => d.Tied)
            ? Html.Of($"""<p class="hint">{c.T("«=»: empate en avance relativo; las actividades empatadas se ordenan por código.", "\"=\": tied on relative progress; tied activities are ordered by code.")}</p>""")
            : Html.Empty;
        var more = ranked.Count > shown.Count
            ? Html.Of($"""<p class="hint">{c.T($"Se muestran {shown.Count} de las {ranked.Count} actividades por debajo de lo programado; la tabla de abajo las tiene todas.", $"{shown.Count} of the {ranked.Count} activities below their programado are shown; the table below has them all.")}</p>""")
            : Html.Empty;
        return Html.Of($"""
            {heading}
            <div class="table-wrap">
            <table>
            <caption class="visually-hidden">{c.T("Actividades por debajo de lo programado, la más atrasada primero", "Activities below their programado, furthest behind first")}</caption>
            <thead><tr><th scope="col">#</th><th scope="col">{c.T("Actividad", "Activity")}</th><th scope="col" class="numeric">{c.T("Avance relativo", "Relative progress")}</th><th scope="col" class="numeric">{c.T("Ejecutado / programado", "Ejecutado / programado")}</th><th scope="col">{c.T("Cobertura", "Coverage")}</th><th scope="col">{c.T("Cambio comparable", "Like-for-like change")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            {ties}
            {more}
            """);
    }

    private static Html Activities(PortalContext c, RegionalProgress progress)
    {
        var l = c.Language;
        var rows = progress.Activities.Select(a => Html.Of($"""
            <tr>
            <th scope="row" class="nowrap">{a.Activity.Code}</th>
            <td>{TextOf(a, l)}</td>
            <td class="numeric nowrap">{FigureFormat.Percent(a.Programado, l)}</td>
            <td class="numeric nowrap">{Ejecutado(c, a)}</td>
            <td>{Coverage(c, a)}</td>
            <td class="numeric nowrap">{(a.Missing > 0 && a.IsPlanned ? FigureFormat.Percent(a.LowerBound, l) : "—")}</td>
            <td>{Change(c, a)}</td>
            </tr>
            """));
        var comparedWith = progress.ComparedWith is { } previous
            ? c.T($"El cambio comparable es frente al {PortalFormat.Quarter(previous, l)}, solo sobre las unidades que informaron la actividad en ambos trimestres.",
                $"The like-for-like change is against {PortalFormat.Quarter(previous, l)}, over the units that reported the activity in both quarters only.")
            : c.T("Sin cambio comparable: el ejecutado es del año a la fecha y este es el primer trimestre del año.",
                "No like-for-like change: ejecutado is year to date and this is the year's first quarter.");
        return Html.Of($"""
            <h2 class="heading-m">{c.T("Por actividad", "By activity")}</h2>
            <p class="hint">{comparedWith}</p>
            <div class="table-wrap">
            <table>
            <caption class="visually-hidden">{c.T("Ejecutado regional de cada actividad con su cobertura, su cota inferior y su cambio comparable", "Regional ejecutado of each activity with its coverage, lower bound and like-for-like change")}</caption>
            <thead><tr><th scope="col">{c.T("Código", "Code")}</th><th scope="col">{c.T("Actividad", "Activity")}</th><th scope="col" class="numeric">{c.T($"Programado {progress.Period.Year}", $"Programado {progress.Period.Year}")}</th><th scope="col" class="numeric">{c.T("Ejecutado regional", "Regional ejecutado")}</th><th scope="col">{c.T("Cobertura (unidades)", "Coverage (units)")}</th><th scope="col" class="numeric">{c.T("Cota inferior", "Lower bound")}</th><th scope="col">{c.T("Cambio comparable", "Like-for-like change")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    /// <summary>The regional value, or why there is none: "no aplica" for every unit, nothing programmed, no data.</summary>
    private static string Ejecutado(PortalContext c, ActivityProgress a) =>
        a.IsNotApplicableToAll ? c.T($"no aplica ({a.NotApplicable} de {a.NotApplicable})", $"not applicable ({a.NotApplicable} of {a.NotApplicable})")
        : FigureFormat.Percent(a.RegionalEjecutado, c.Language);

    /// <summary>"3 de 8 unidades; 1 no aplica" / "nada programado en 2021".</summary>
    private static string Coverage(PortalContext c, ActivityProgress a)
    {
        if (!a.IsProgrammed) return c.T($"nada programado en el año", "nothing programmed for the year");
        var text = a.IsNotApplicableToAll ? "" : c.T($"{a.Reporting} de {a.Expected} unidades", $"{a.Reporting} of {a.Expected} units");
        if (a.NotApplicable > 0 && !a.IsNotApplicableToAll)
            text += c.T($"; {a.NotApplicable} no aplica", $"; {a.NotApplicable} not applicable");
        return text.Length == 0 ? "—" : text;
    }

    /// <summary>"17 de 19 actividades programadas con datos; 7 de 9 unidades".</summary>
    private static string Coverage(PortalContext c, ProgressFigures f) => c.T(
        $"{f.ActivitiesReported} de {f.ActivitiesPlanned} actividades programadas con datos; {f.UnitsReporting} de {f.UnitsExpected} unidades",
        $"{f.ActivitiesReported} of {f.ActivitiesPlanned} programmed activities with data; {f.UnitsReporting} of {f.UnitsExpected} units");

    /// <summary>"+12,5 puntos (5 unid.)": the like-for-like change and how many units it covers; "—" when there is none.</summary>
    private static string Change(PortalContext c, ActivityProgress a) => a.Change is { } change
        ? c.T($"{FigureFormat.Signed(change.Points, c.Language)} puntos ({change.Units} unid.)", $"{FigureFormat.Signed(change.Points, c.Language)} points ({change.Units} units)")
        : "—";

    /// <summary>The activity's text in the page's language (Spanish when the plan carries no English for it).</summary>
    private static string TextOf(ActivityProgress a, Language language) =>
        language == Language.En && a.Activity.English is { } english ? english.Text : a.Activity.Text;

    private static string Clamp(double? value) =>
        Math.Clamp(value ?? 0, 0, 100).ToString("0.##", CultureInfo.InvariantCulture);
}
