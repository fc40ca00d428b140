using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The completeness board: every unit expected to report, its status, last upload and current sheet.</summary>
public static class BoardPage
{
    public static Html Render(PortalContext c, BoardView board, IReadOnlyList<ReportingPeriod> periods)
    {
        var title = c.T($"Cumplimiento del {PortalFormat.Quarter(board.Period, c.Language)}", $"Completeness, {PortalFormat.Quarter(board.Period, c.Language)}");
        var total = board.Rows.Count;
        Html Card(SubmissionTimeliness t, string es, string en) =>
            Html.Of($"""<div class="card"><strong>{board.Count(t)}</strong>{c.T(es, en)} <span class="hint">{c.T($"de {total}", $"of {total}")}</span></div>""");
        var rows = board.Rows.Select(r => Html.Of($"""
            <tr>
            <th scope="row">{r.Status.Unit.Name.In(c.Language)} ({r.Status.Unit.Code})</th>
            <td>{PortalFormat.Tag(r.Status.Timeliness, c.Language)}{(r.Processing ? Html.Of($" {PortalFormat.Tag(c.T("En proceso", "Processing"), "blue")}") : Html.Empty)}</td>
            <td>{PortalFormat.DateTime(r.Status.LastUploadAt, c.Language)}</td>
            <td class="numeric">{r.Status.Uploads}</td>
            <td>{Current(c, board.Period, r.Status)}</td>
            </tr>
            """));
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            {CoalitionNav.Render(c, board.Period, periods, CoalitionNav.Section.Board)}
            <p class="body">{c.T($"Plazo: hasta el {PortalFormat.Date(board.Deadline.AddDays(-1), c.Language)}. {board.Reported} de {total} unidades tienen un informe vigente.", $"Due by {PortalFormat.Date(board.Deadline.AddDays(-1), c.Language)}. {board.Reported} of {total} units have a current report.")}</p>
            <div class="cards">
            {Card(SubmissionTimeliness.OnTime, "a tiempo", "on time")}
            {Card(SubmissionTimeliness.Late, "tarde", "late")}
            {Card(SubmissionTimeliness.RejectedOnly, "solo rechazadas", "rejected only")}
            {Card(SubmissionTimeliness.Missing, "faltan", "missing")}
            </div>
            <div class="table-wrap">
            <table>
            <caption>{c.T("Unidades", "Units")}</caption>
            <thead><tr><th scope="col">{c.T("Unidad", "Unit")}</th><th scope="col">{c.T("Estado", "Status")}</th><th scope="col">{c.T("Último envío", "Last upload")}</th><th scope="col" class="numeric">{c.T("Envíos", "Uploads")}</th><th scope="col">{c.T("Informe vigente", "Current report")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, title));
    }

    private static Html Current(PortalContext c, ReportingPeriod period, UnitSubmissionStatus status) =>
        status.CurrentSubmissionId is { } id
            ? Html.Of($"""<a href="{Routes.Original(status.Unit.Code, period, id)}">{status.CurrentFileName ?? id[..12]}</a> <span class="hint">({PortalFormat.Date(status.CurrentUploadedAt, c.Language)})</span> · <a href="{Routes.UnitPeriod(status.Unit.Code, period)}">{c.T("historial", "history")}<span class="visually-hidden"> {status.Unit.Code}</span></a>""")
            : Html.Of($"""<a href="{Routes.UnitPeriod(status.Unit.Code, period)}">{c.T("historial", "history")}<span class="visually-hidden"> {status.Unit.Code}</span></a>""");
}
