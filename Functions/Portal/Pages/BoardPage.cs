using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The completeness board, completeness first: who reported and who did not, by name (<see cref="RegionalHeadline"/>,
/// the digest's and the workbook's wording), the last day to send, the count of each status out of the units
/// expected, then every unit with its status, uploads and current sheet.
/// </summary>
public static class BoardPage
{
    public static Html Render(PortalContext c, BoardView board, IReadOnlyList<ReportingPeriod> periods)
    {
        var title = c.T($"Cumplimiento del {PortalFormat.Quarter(board.Period, c.Language)}", $"Completeness, {PortalFormat.Quarter(board.Period, c.Language)}");
        var total = board.Rows.Count;
        var missing = board.Rows.Count - board.Reported;
        Html Card(SubmissionTimeliness t, string es, string en) =>
            Html.Of($"""<div class="card"><strong>{board.Count(t)}</strong>{c.T(es, en)} <span class="hint">{c.T($"de {total}", $"of {total}")}</span></div>""");
        var rows = board.Rows.Select(r => Html.Of($"""
            <tr>
            <th scope="row">{r.Status.Unit.Name.In(c.Language)} ({r.Status.Unit.Code})</th>
            <td>{PortalFormat.Tag(r.Status.Timeliness, c.Language)}{(r.Processing ? Html.Of($" {PortalFormat.Tag(c.T("En proceso", "Processing"), "blue")}") : Html.Empty)}</td>
            <td>{PortalFormat.DateTime(r.Status.LastUploadAt, c.Language)}</td>
            <td class="numeric">{Uploads(c, r.Status)}</td>
            <td>{Current(c, board.Period, r.Status)}</td>
            </tr>
            """));
        var opened = board.Opened
            ? Html.Empty
            : Html.Of($"""<p class="body">{c.T($"Este trimestre todavía no abre: los informes se envían desde el {PortalFormat.Date(ReportingCalendar.Opens(board.Period), c.Language)}.", $"This quarter has not opened yet: reports are sent from {PortalFormat.Date(ReportingCalendar.Opens(board.Period), c.Language)}.")}</p>""");
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            {CoalitionNav.Render(c, board.Period, periods, CoalitionNav.Section.Board)}
            <div class="panel" data-headline>
            <p class="lead">{RegionalHeadline.Reported(board.Units, c.Language)}</p>
            <p class="body{(missing > 0 ? " emphasis" : "")}">{RegionalHeadline.Missing(board.Units, c.Language)}</p>
            <p class="body">{c.T("Último día para enviar", "Last day to send")}: <strong>{PortalFormat.Day(board.LastDayToSend, c.Language)}</strong>.</p>
            </div>
            {opened}
            <div class="cards">
            {Card(SubmissionTimeliness.OnTime, "a tiempo", "on time")}
            {Card(SubmissionTimeliness.Late, "tarde", "late")}
            {Card(SubmissionTimeliness.RejectedOnly, "solo rechazadas", "rejected only")}
            {Card(SubmissionTimeliness.Missing, "faltan", "missing")}
            </div>
            <div class="table-wrap">
            <table>
            <caption>{c.T("Unidades esperadas este trimestre", "Units expected this quarter")}</caption>
            <thead><tr><th scope="col">{c.T("Unidad", "Unit")}</th><th scope="col">{c.T("Estado", "Status")}</th><th scope="col">{c.T("Último envío", "Last upload")}</th><th scope="col" class="numeric">{c.T("Envíos (rechazados)", "Uploads (rejected)")}</th><th scope="col">{c.T("Informe vigente", "Current report")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            <p class="hint">{c.T("A tiempo: la primera planilla aceptada llegó a más tardar el último día para enviar. Solo rechazadas: hubo envíos, ninguno aceptado. Las cifras regionales cuentan solo las unidades con informe vigente.", "On time: the first accepted sheet arrived by the last day to send. Rejected only: there were uploads, none accepted. The regional figures count only the units with a current report.")}</p>
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, title));
    }

    private static string Uploads(PortalContext c, UnitSubmissionStatus status) =>
        status.RejectedUploads > 0 ? $"{status.Uploads} ({status.RejectedUploads})" : status.Uploads.ToString(PortalFormat.Culture(c.Language));

    private static Html Current(PortalContext c, ReportingPeriod period, UnitSubmissionStatus status) =>
        status.CurrentSubmissionId is { } id
            ? Html.Of($"""<a href="{Routes.Original(status.Unit.Code, period, id)}">{status.CurrentFileName ?? id[..12]}</a> <span class="hint">({PortalFormat.Date(status.CurrentUploadedAt, c.Language)})</span> · <a href="{Routes.UnitPeriod(status.Unit.Code, period)}">{c.T("historial", "history")}<span class="visually-hidden"> {status.Unit.Code}</span></a>""")
            : Html.Of($"""<a href="{Routes.UnitPeriod(status.Unit.Code, period)}">{c.T("historial", "history")}<span class="visually-hidden"> {status.Unit.Code}</span></a>""");
}
