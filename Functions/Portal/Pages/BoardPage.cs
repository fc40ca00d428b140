using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The completeness board, completeness first: who reported and who did not, by name (<see cref="RegionalHeadline"/>,
/// the digest's and the workbook's wording), the last day to send, the count of each status out of the units
/// expected, then every unit with its status, uploads, current sheet and lock state; the quarter's reminders; and for
/// the ST (<c>Coalition.Admin</c>) the forms to reopen a unit's locked quarter or end a reopening (<see cref="ReopenForm"/>).
/// </summary>
public static class BoardPage
{
    /// <summary>The query a reopen or lock redirects back with (post/redirect/get): the outcome and the unit.</summary>
    public const string DoneQuery = "done";

    public const string UnitQuery = "unit";

    /// <param name="entry">A reopen or lock form sent with problems: shown again with its values and errors.</param>
    public static Html Render(PortalContext c, BoardView board, IReadOnlyList<ReportingPeriod> periods, ReopenForm.Entry? entry = null)
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
            <td>{PortalFormat.DateTime(r.Status.LastUploadAt, board.Zone, c.Language)}</td>
            <td class="numeric">{Uploads(c, r.Status)}</td>
            <td>{Current(c, board, r.Status)}</td>
            <td>{BoardFragments.LockCell(c, r)}</td>
            </tr>
            """));
        var opened = board.Opened
            ? Html.Empty
            : Html.Of($"""<p class="body">{c.T($"Este trimestre todavía no abre: los informes se envían desde el {PortalFormat.Day(ReportingCalendar.FirstDay(board.Period), c.Language)}.", $"This quarter has not opened yet: reports are sent from {PortalFormat.Day(ReportingCalendar.FirstDay(board.Period), c.Language)}.")}</p>""");
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            {ReopenForm.ErrorSummary(c, entry)}
            {Done(c, board)}
            {CoalitionNav.Render(c, board.Period, periods, CoalitionNav.Section.Board)}
            <div class="panel" data-headline>
            <p class="lead">{RegionalHeadline.Reported(board.Units, c.Language)}</p>
            <p class="body{(missing > 0 ? " emphasis" : "")}">{RegionalHeadline.Missing(board.Units, c.Language)}</p>
            <p class="body">{c.T(DeadlineText.Label)}: <strong>{DeadlineText.ForEveryUnit(board.LastDayToSend, c.Language)}</strong>.</p>
            <p class="hint">{c.T($"Las horas de esta página están en la hora de la Coalición ({board.Zone.Name(board.Now, c.Language)}); cada unidad tiene hasta la medianoche de su propio país.", $"Times on this page are the Coalition's ({board.Zone.Name(board.Now, c.Language)}); each unit has until midnight in its own country.")}</p>
            <p class="body">{Lock(c, board)}</p>
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
            <thead><tr><th scope="col">{c.T("Unidad", "Unit")}</th><th scope="col">{c.T("Estado", "Status")}</th><th scope="col">{c.T("Último envío", "Last upload")}</th><th scope="col" class="numeric">{c.T("Envíos (rechazados)", "Uploads (rejected)")}</th><th scope="col">{c.T("Informe vigente", "Current report")}</th><th scope="col">{c.T("Cierre", "Lock")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            <p class="hint">{c.T("A tiempo: la primera planilla aceptada llegó a más tardar el último día para enviar. Solo rechazadas: hubo envíos, ninguno aceptado. Las cifras regionales cuentan solo las unidades con informe vigente.", "On time: the first accepted sheet arrived by the last day to send. Rejected only: there were uploads, none accepted. The regional figures count only the units with a current report.")}</p>
            {(board.FollowUp is { } followUp ? BoardFragments.FollowUp(c, followUp, board.Zone) : Html.Empty)}
            {ReopenForm.Section(c, board, entry)}
            """);
        return Layout.Render(c, entry is { Errors.Count: > 0 } ? c.T($"Error: {title}", $"Error: {title}") : title, body, CoalitionNav.Crumbs(c, title));
    }

    /// <summary>The quarter's lock, for everyone: when it locks, or since when, and that the ST can reopen it for a unit.</summary>
    private static string Lock(PortalContext c, BoardView board) => board.LockDay switch
    {
        null => c.T("Los trimestres no se cierran: se aceptan informes tardíos en cualquier momento.", "Quarters never lock: late reports are accepted at any time."),
        { } day when !board.HasLocked => c.T($"Se cierra el {PortalFormat.Day(day, c.Language)}, a las 00:00 en la hora de cada unidad: hasta entonces se aceptan informes tardíos; después, solo de las unidades a las que la Secretaría Técnica lo reabra.",
            $"Locks on {PortalFormat.Day(day, c.Language)}, at 00:00 on each unit's own clock: late reports are accepted until then; after that, only from units the Technical Secretariat reopens it for."),
        { } day => c.T($"Cerrado desde el {PortalFormat.Day(day, c.Language)}, a las 00:00 en la hora de cada unidad: solo se aceptan informes de las unidades a las que la Secretaría Técnica lo reabrió.",
            $"Locked since {PortalFormat.Day(day, c.Language)}, at 00:00 on each unit's own clock: only units the Technical Secretariat reopened it for can send reports."),
    };

    /// <summary>The confirmation after a reopen or lock (post/redirect/get), read from the state now in force, not from the request.</summary>
    private static Html Done(PortalContext c, BoardView board)
    {
        var done = c.Request.Query[DoneQuery].ToString();
        var unit = c.Request.Query[UnitQuery].ToString();
        if (done.Length == 0 || board.Rows.FirstOrDefault(r => string.Equals(r.Status.Unit.Code, unit, StringComparison.OrdinalIgnoreCase)) is not { } row)
            return Html.Empty;
        var code = row.Status.Unit.Code;
        var same = c.T("Sin cambios: ya estaba así", "No change: it already was");
        string? message = (done, row.LockNow.Status) switch
        {
            ("reopened" or "alreadyReopened", PeriodLockStatus.Reopened) =>
                $"{(done == "reopened" ? c.T("Hecho", "Done") : same)}. {code} {board.Period}: {LockTexts.Window(row.LockNow.Window!, c.Language)}; {c.T($"acepta informes hasta el {PortalFormat.EndOfDay(row.LockNow.Window!.LastDay, row.Lock.Zone, c.Language)}.", $"it accepts reports until {PortalFormat.EndOfDay(row.LockNow.Window!.LastDay, row.Lock.Zone, c.Language)}.")}",
            ("locked" or "alreadyLocked", PeriodLockStatus.Locked) =>
                $"{(done == "locked" ? c.T("Hecho", "Done") : same)}. {code} {board.Period}: {c.T($"cerrado desde el {PortalFormat.DateTime(row.LockNow.LockedSince, row.Lock.Zone, c.Language)}; no acepta más informes.", $"locked since {PortalFormat.DateTime(row.LockNow.LockedSince, row.Lock.Zone, c.Language)}; it accepts no more reports.")}",
            _ => null,
        };
        if (message is null) return Html.Empty;
        return Html.Of($"""
            <div class="notification" role="status" data-done>
            <h2 class="heading-m">{c.T("Cambio registrado", "Change recorded")}</h2>
            <p class="body">{message}</p>
            </div>
            """);
    }

    private static string Uploads(PortalContext c, UnitSubmissionStatus status) =>
        status.RejectedUploads > 0 ? $"{status.Uploads} ({status.RejectedUploads})" : status.Uploads.ToString(PortalFormat.Culture(c.Language));

    private static Html Current(PortalContext c, BoardView board, UnitSubmissionStatus status) =>
        status.CurrentSubmissionId is { } id
            ? Html.Of($"""<a href="{Routes.Original(status.Unit.Code, board.Period, id)}">{status.CurrentFileName ?? id[..12]}</a> <span class="hint">({PortalFormat.Date(status.CurrentUploadedAt, board.Zone, c.Language)})</span> · <a href="{Routes.UnitPeriod(status.Unit.Code, board.Period)}">{c.T("historial", "history")}<span class="visually-hidden"> {status.Unit.Code}</span></a>""")
            : Html.Of($"""<a href="{Routes.UnitPeriod(status.Unit.Code, board.Period)}">{c.T("historial", "history")}<span class="visually-hidden"> {status.Unit.Code}</span></a>""");
}
