using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>A unit's quarters of the plan in force as a task list: one row per quarter, its status tag and due date.</summary>
public static class UnitQuartersPage
{
    public static Html Render(PortalContext c, ReportingUnit unit, IReadOnlyList<UnitQuarter> quarters, PlanCatalog catalog, DateTimeOffset now)
    {
        var name = unit.Name.In(c.Language);
        var items = quarters.Select(q => Html.Of($"""
            <li>
            <span><a href="{Routes.UnitPeriod(unit.Code, q.Period)}" aria-describedby="state-{q.Period}">{PortalFormat.Quarter(q.Period, c.Language)}</a>
            <span class="task-hint">{Hint(c, q, now)}</span></span>
            <span id="state-{q.Period}">{PortalFormat.Tag(q.State, c.Language)}</span>
            </li>
            """));
        var body = Html.Of($"""
            <span class="caption">{name} ({unit.Code})</span>
            <h1 class="heading-l">{c.T("Sus informes trimestrales", "Your quarterly reports")}</h1>
            <p class="body">{c.T($"Cada trimestre del plan {catalog.Title.In(c.Language)} se informa con la plantilla de ese trimestre. Abra un trimestre para descargar su plantilla, enviar el informe y ver el resultado.", $"Each quarter of the plan {catalog.Title.In(c.Language)} is reported with that quarter's template. Open a quarter to download its template, send the report and see the result.")}</p>
            <ul class="task-list">{items}</ul>
            """);
        return Layout.Render(c, c.T("Sus informes trimestrales", "Your quarterly reports"), body,
            [new Layout.Crumb(c.T("Inicio", "Home"), "/"), new Layout.Crumb(name, null)]);
    }

    private static string Hint(PortalContext c, UnitQuarter q, DateTimeOffset now) => q.State switch
    {
        QuarterState.NotOpen => c.T($"Abre el {PortalFormat.Date(q.Opens, c.Language)}", $"Opens on {PortalFormat.Date(q.Opens, c.Language)}"),
        QuarterState.AcceptedOnTime or QuarterState.AcceptedLate =>
            c.T($"Informe vigente enviado el {PortalFormat.Date(q.Status.CurrentUploadedAt, c.Language)}", $"Current report sent on {PortalFormat.Date(q.Status.CurrentUploadedAt, c.Language)}"),
        _ when q.Deadline <= now => c.T($"Plazo vencido: era hasta el {PortalFormat.Date(q.Deadline.AddDays(-1), c.Language)}",
            $"Overdue: it was due by {PortalFormat.Date(q.Deadline.AddDays(-1), c.Language)}"),
        _ => c.T($"Plazo: hasta el {PortalFormat.Date(q.Deadline.AddDays(-1), c.Language)}", $"Due by {PortalFormat.Date(q.Deadline.AddDays(-1), c.Language)}"),
    };
}
