using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;

using ServerlessPlan.Functions.Portal.Pages.Shared;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// A unit's quarters as a task list: one row per quarter, its status tag, its lock tag (locks on …, locked, reopened
/// until …) and its last day to send, grouped by the plan
/// in force for them (newest plan first) when there is more than one.
/// </summary>
public static class UnitQuartersPage
{
    /// <param name="history">The unit's own history (<see cref="UnitHistoryView"/>), after its quarters.</param>
    public static Html Render(PortalContext c, ReportingUnit unit, IReadOnlyList<UnitQuarter> quarters, DateTimeOffset now, Html history = default)
    {
        var name = unit.Name.In(c.Language);
        var byPlan = quarters.GroupBy(q => q.Plan).OrderByDescending(g => g.Key.FirstYear).ToList();
        var lists = byPlan.Select(g => Html.Of($"""
            {(byPlan.Count > 1 ? Html.Of($"""<h2 class="heading-m">{g.Key.Title.In(c.Language)}</h2>""") : Html.Empty)}
            <ul class="task-list">{g.Select(q => Item(c, unit, q, now))}</ul>
            """));
        var plans = string.Join(", ", byPlan.Select(g => g.Key.Title.In(c.Language)));
        var body = Html.Of($"""
            <span class="caption">{name} ({unit.Code})</span>
            <h1 class="heading-l">{c.T("Sus informes trimestrales", "Your quarterly reports")}</h1>
            <p class="body">{c.T($"Cada trimestre se informa con la plantilla de ese trimestre, del plan vigente para él ({plans}). Abra un trimestre para descargar su plantilla, enviar el informe y ver el resultado.", $"Each quarter is reported with that quarter's template, from the plan in force for it ({plans}). Open a quarter to download its template, send the report and see the result.")}</p>
            {(quarters.Count == 0 ? Html.Of($"""<p class="body">{c.T("Todavía no hay trimestres abiertos para su unidad.", "No quarter is open for your unit yet.")}</p>""") : Html.Empty)}
            {lists}
            {history}
            """);
        return Layout.Render(c, c.T("Sus informes trimestrales", "Your quarterly reports"), body,
            [new Crumb(c.T("Inicio", "Home"), "/"), new Crumb(name, null)]);
    }

    private static Html Item(PortalContext c, ReportingUnit unit, UnitQuarter q, DateTimeOffset now) => Html.Of($"""
        <li>
        <span><a href="{Routes.UnitPeriod(unit.Code, q.Period)}" aria-describedby="state-{q.Period}">{PortalFormat.Quarter(q.Period, c.Language)}</a>
        <span class="task-hint">{Hint(c, q, now)}</span></span>
        <span id="state-{q.Period}">{PortalFormat.Tags(q, c.Language)} {LockView.Tag(c, q, now)}</span>
        </li>
        """);

    private static string Hint(PortalContext c, UnitQuarter q, DateTimeOffset now) => q.State switch
    {
        QuarterState.NotOpen => c.T($"Abre el {PortalFormat.Day(ReportingCalendar.FirstDay(q.Period), c.Language)}", $"Opens on {PortalFormat.Day(ReportingCalendar.FirstDay(q.Period), c.Language)}"),
        QuarterState.AcceptedOnTime or QuarterState.AcceptedLate =>
            c.T($"Informe vigente enviado el {PortalFormat.DateTime(q.Status.CurrentUploadedAt, q.Zone, c.Language)}", $"Current report sent on {PortalFormat.DateTime(q.Status.CurrentUploadedAt, q.Zone, c.Language)}"),
        _ when q.Deadline <= now => c.T($"Plazo vencido: el último día para enviar era el {PortalFormat.Day(q.LastDayToSend, c.Language)}",
            $"Overdue: the last day to send was {PortalFormat.Day(q.LastDayToSend, c.Language)}"),
        _ => DeadlineText.Sentence(q.Dates, c.Language),
    };
}
