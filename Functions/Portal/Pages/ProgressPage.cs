using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// Regional progress: the overall figures, one bar per axis (a <c>meter</c> with its figures written beside it, so
/// nothing is told by colour or length alone) and the activity table with its coverage ("k de n").
/// </summary>
public static class ProgressPage
{
    public static Html Render(PortalContext c, RegionalProgress progress, IReadOnlyList<ReportingPeriod> periods)
    {
        var title = c.T($"Avance regional del {PortalFormat.Quarter(progress.Period, c.Language)}", $"Regional progress, {PortalFormat.Quarter(progress.Period, c.Language)}");
        var overall = progress.Overall;
        var axes = progress.Axes.Select(a => Html.Of($"""
            <div class="bar-row">
            <span id="axis-{a.AxisCode}">{c.T("Eje", "Axis")} {a.AxisCode}: {a.Name.In(c.Language)}</span>
            <meter min="0" max="100" value="{Clamp(a.Figures.MeanEjecutado)}" aria-labelledby="axis-{a.AxisCode}" aria-describedby="axis-{a.AxisCode}-figures">{PortalFormat.Percent(a.Figures.MeanEjecutado, c.Language)}</meter>
            <span id="axis-{a.AxisCode}-figures">{Figures(c, a.Figures)}</span>
            </div>
            """));
        var activities = progress.Activities.Select(a => Html.Of($"""
            <tr>
            <th scope="row">{a.Activity.Code}</th>
            <td>{a.Activity.Text}</td>
            <td class="numeric">{PortalFormat.Percent(a.Programado, c.Language)}</td>
            <td class="numeric">{PortalFormat.Percent(a.RegionalEjecutado, c.Language)}</td>
            <td class="numeric">{c.T($"{a.Reporting} de {a.Expected}", $"{a.Reporting} of {a.Expected}")}</td>
            <td class="numeric">{Delta(c, a.Delta)}</td>
            </tr>
            """));
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            {CoalitionNav.Render(c, progress.Period, periods, CoalitionNav.Section.Progress)}
            <div class="panel">
            <p class="lead">{c.T($"Ejecución {PortalFormat.Percent(overall.Execution, c.Language)}", $"Execution {PortalFormat.Percent(overall.Execution, c.Language)}")}</p>
            <p class="body">{Figures(c, overall)}. {c.T($"{progress.UnitsReported} de {progress.UnitsExpected} unidades con informe vigente.", $"{progress.UnitsReported} of {progress.UnitsExpected} units with a current report.")}</p>
            </div>
            <h2 class="heading-m">{c.T("Por eje", "By axis")}</h2>
            <p class="hint">{c.T("Cada barra es el ejecutado medio del eje (0–100 %); a su lado, lo programado y cuántas actividades tienen datos.", "Each bar is the axis's mean ejecutado (0–100 %); beside it, the programado and how many activities have data.")}</p>
            {axes}
            <h2 class="heading-m">{c.T("Por actividad", "By activity")}</h2>
            <div class="table-wrap">
            <table>
            <caption class="visually-hidden">{c.T("Ejecutado regional de cada actividad con su cobertura", "Regional ejecutado of each activity with its coverage")}</caption>
            <thead><tr><th scope="col">{c.T("Código", "Code")}</th><th scope="col">{c.T("Actividad", "Activity")}</th><th scope="col" class="numeric">{c.T("Programado", "Programado")}</th><th scope="col" class="numeric">{c.T("Ejecutado regional", "Regional ejecutado")}</th><th scope="col" class="numeric">{c.T("Cobertura (unidades)", "Coverage (units)")}</th><th scope="col" class="numeric">{c.T("Cambio desde el trimestre anterior", "Change since the previous quarter")}</th></tr></thead>
            <tbody>{activities}</tbody>
            </table>
            </div>
            <p class="hint">{c.T("Reglas: el ejecutado regional de una actividad es el promedio de las unidades que informaron un número; «no aplica» y sin informe no cuentan. La ejecución es ejecutado medio ÷ programado medio sobre las actividades con programado mayor que 0.", "Rules: an activity's regional ejecutado is the mean of the units that reported a number; \"not applicable\" and no report do not count. Execution is mean ejecutado ÷ mean programado over the activities with a programado above 0.")}</p>
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, title));
    }

    private static string Figures(PortalContext c, ProgressFigures f) => c.T(
        $"ejecutado medio {PortalFormat.Percent(f.MeanEjecutado, c.Language)} de {PortalFormat.Percent(f.MeanProgramado, c.Language)} programado; {f.ActivitiesReported} de {f.ActivitiesPlanned} actividades con datos",
        $"mean ejecutado {PortalFormat.Percent(f.MeanEjecutado, c.Language)} of {PortalFormat.Percent(f.MeanProgramado, c.Language)} programado; {f.ActivitiesReported} of {f.ActivitiesPlanned} activities with data");

    private static string Clamp(double? value) =>
        Math.Clamp(value ?? 0, 0, 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Delta(PortalContext c, double? delta) => delta is { } d
        ? (d > 0 ? "+" : "") + d.ToString("0.#", PortalFormat.Culture(c.Language)) + c.T(" puntos", " points")
        : "—";
}
