using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;

using ServerlessPlan.Functions.Portal.Pages.Shared;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// One unit's quarter: its status, due date and lock state, the reminders the unit was sent, the template, the upload
/// form (an ordinary form; the script adds drag-and-drop and the live verdict; replaced by whom to ask when the quarter
/// is locked), the verdict after a post without script, the upload history with every original, and the sheets the
/// portal refused.
/// </summary>
public static class UnitPeriodPage
{
    public sealed record Model(
        DateTimeOffset Now,
        UnitQuarter Quarter,
        IReadOnlyList<UnitFiles.RefusedCheck> Refused,
        long MaxUploadBytes,
        Html? Verdict = null,
        string? FollowedSubmission = null)
    {
        /// <summary>The reminders and late notice the unit was sent for the quarter, oldest first.</summary>
        public IReadOnlyList<ReminderEntity> Reminders { get; init; } = [];

        /// <summary>The ST's registered address(es): whom a focal point asks for a reopening.</summary>
        public IReadOnlyList<string> Secretariat { get; init; } = [];
    }

    public static Html Render(PortalContext c, Model m)
    {
        var q = m.Quarter;
        var unit = q.Unit;
        var title = PortalFormat.Quarter(q.Period, c.Language);
        var current = q.Current;
        var body = Html.Of($"""
            <span class="caption">{unit.Name.In(c.Language)} ({unit.Code}) · {q.Period.ToString()}</span>
            <h1 class="heading-l">{title}</h1>
            {Followed(c, m)}
            <dl class="summary-list" data-refresh="summary">
            <div><dt>{c.T("Estado", "Status")}</dt><dd>{PortalFormat.Tags(q, c.Language)}</dd></div>
            <div><dt>{c.T(DeadlineText.Label)}</dt><dd>{PortalFormat.LastDayToSend(q.Dates, c.Language)}{(q.Deadline <= m.Now
                ? Html.Of($""" <span class="hint">({c.T("ya pasó: un informe enviado ahora se registra como tarde", "passed: a report sent now counts as late")})</span>""")
                : Html.Of($""" <span class="hint">({c.T("después se registra como tarde", "after it, a report counts as late")})</span>"""))}</dd></div>
            <div><dt>{c.T("Cierre del trimestre", "Quarter lock")}</dt><dd data-lock>{(q.Lock is { } lockState ? LockView.Standing(c, lockState, q.LockNow, m.Secretariat) : Html.Empty)}{(q.Lock is { } l ? LockView.History(c, l) : Html.Empty)}</dd></div>
            <div><dt>{c.T("Recordatorios recibidos", "Reminders received")}</dt><dd data-reminders>{ReminderView.SentToUnit(c, m.Reminders, q.Zone)}</dd></div>
            <div><dt>{c.T("Plan", "Plan")}</dt><dd>{q.Plan.Title.In(c.Language)}</dd></div>
            <div><dt>{c.T("Informe vigente", "Current report")}</dt><dd>{(current is null ? Html.Text(c.T("ninguno todavía", "none yet")) : Html.Of($"""<a href="{Routes.Original(unit.Code, q.Period, current.RowKey)}">{current.FileName}</a>, {c.T("enviado el", "sent on")} {PortalFormat.DateTime(current.LatestArrival, q.Zone, c.Language)}{LockView.AfterLock(c, q.Status)}"""))}</dd></div>
            <div><dt>{c.T("Plantilla", "Template")}</dt><dd><a href="{Routes.Template(unit.Code, q.Period)}" download>{c.T($"Descargar la plantilla de {q.Period} (.xlsx)", $"Download the {q.Period} template (.xlsx)")}</a></dd></div>
            </dl>
            {UploadSection(c, m)}
            <div data-refresh="history">{History(c, q)}</div>
            {Refused(c, q, m.Refused)}
            """);
        return Layout.Render(c, $"{title} – {unit.Name.In(c.Language)}", body,
        [
            new Crumb(c.T("Inicio", "Home"), "/"),
            new Crumb(unit.Name.In(c.Language), Routes.Unit(unit.Code)),
            new Crumb(title, null),
        ]);
    }

    private static Html Followed(PortalContext c, Model m)
    {
        if (m.FollowedSubmission is not { } id || !UnitFiles.IsContentId(id)) return Html.Empty;
        var entry = m.Quarter.History.FirstOrDefault(h => h.RowKey == id);
        var (message, final) = SubmissionStateText.Of(c, entry, m.Quarter.Pointer);
        return Html.Of($"""
            <div class="notification notification--info" {(final ? Html.Empty : Html.Of($"data-poll-url=\"{Routes.SubmissionState(m.Quarter.Unit.Code, m.Quarter.Period, id)}\""))}>
            <h2 class="heading-m">{c.T("Su envío", "Your submission")}</h2>
            <p class="body" data-state-message role="status">{message}</p>
            {(final ? Html.Empty : Html.Of($"""<p class="hint"><a href="{Routes.UnitPeriod(m.Quarter.Unit.Code, m.Quarter.Period)}?submission={id}">{c.T("Actualizar", "Refresh")}</a></p>"""))}
            </div>
            """);
    }

    private static Html UploadSection(PortalContext c, Model m)
    {
        var q = m.Quarter;
        if (!q.IsOpen)
            return Html.Of($"""<h2 class="heading-m">{c.T("Enviar el informe", "Send the report")}</h2><p class="body">{c.T($"Este trimestre abre el {PortalFormat.Day(ReportingCalendar.FirstDay(q.Period), c.Language)}: desde entonces se puede enviar su informe.", $"This quarter opens on {PortalFormat.Day(ReportingCalendar.FirstDay(q.Period), c.Language)}: its report can be sent from then on.")}</p>""");
        if (q.LockNow.Status == PeriodLockStatus.Locked)
        {
            // The server refuses such an upload anyway (PERIOD_LOCKED); the page says so before anyone fills a form.
            return Html.Of($"""
                <h2 class="heading-m" id="send">{c.T("Enviar el informe", "Send the report")}</h2>
                <div class="inset" data-locked>
                <p class="body">{LockView.Standing(c, q.Lock!, q.LockNow, m.Secretariat)}</p>
                <p class="body">{c.T($"Cuando la Secretaría Técnica lo reabra para {q.Unit.Code}, el formulario para enviar aparece aquí.", $"When the Technical Secretariat reopens it for {q.Unit.Code}, the form to send appears here.")}</p>
                </div>
                """);
        }
        if (c.User?.CanUploadFor(q.Unit.Code) != true)
            return Html.Of($"""<h2 class="heading-m">{c.T("Enviar el informe", "Send the report")}</h2><p class="body">{c.T("Solo los puntos focales de la unidad pueden enviar su informe.", "Only the unit's focal points can send its report.")}</p>""");

        var size = PortalFormat.Bytes(m.MaxUploadBytes, c.Language);
        var hasError = m.Verdict is not null;
        return Html.Of($"""
            <h2 class="heading-m" id="send">{c.T("Enviar el informe", "Send the report")}</h2>
            <div id="verdict" aria-live="polite">{m.Verdict ?? Html.Empty}</div>
            <form method="post" action="{Routes.Upload(q.Unit.Code, q.Period)}" enctype="multipart/form-data" data-upload data-busy-text="{c.T("Comprobando el archivo…", "Checking the file…")}" novalidate>
            <input type="hidden" name="{AntiForgery.FieldName}" value="{c.AntiForgeryToken}">
            <div class="form-group">
            <label class="label" for="sheet">{c.T("Archivo del informe (.xlsx)", "Report file (.xlsx)")}</label>
            <p class="hint" id="sheet-hint">{c.T($"La plantilla de {q.Period} llena. Tamaño máximo {size}. Se comprueba al enviarla: verá el resultado en unos segundos.", $"The {q.Period} template, filled in. At most {size}. It is checked when you send it: you will see the result in a few seconds.")}</p>
            <div class="drop-zone" data-drop-zone>
            <input class="file-input" id="sheet" name="sheet" type="file" accept=".xlsx,{Xlsx.ContentType}" aria-describedby="sheet-hint drop-hint" required>
            <p class="hint js-only" id="drop-hint">{c.T("También puede arrastrar el archivo y soltarlo aquí.", "You can also drag the file and drop it here.")}</p>
            </div>
            </div>
            <button class="button" type="submit">{(hasError ? c.T("Enviar otra vez", "Send again") : c.T("Comprobar y enviar", "Check and send"))}</button>
            </form>
            """);
    }

    private static Html History(PortalContext c, UnitQuarter q)
    {
        if (q.History.Count == 0)
            return Html.Of($"""<h2 class="heading-m">{c.T("Historial de envíos", "Upload history")}</h2><p class="body">{c.T("Todavía no hay envíos para este trimestre.", "There are no uploads for this quarter yet.")}</p>""");
        var rows = q.History.Select(h => Html.Of($"""
            <tr>
            <td>{PortalFormat.DateTime(h.LatestArrival, q.Zone, c.Language)}</td>
            <td>{h.FileName}</td>
            <td>{Sender(c, q, h)}</td>
            <td>{PortalFormat.Tag(h.StatusValue, c.Language)}</td>
            <td class="numeric">{h.ErrorCount}</td>
            <td class="numeric">{h.WarningCount}</td>
            <td>{Downloads(c, q, h)}</td>
            </tr>
            """));
        return Html.Of($"""
            <h2 class="heading-m">{c.T("Historial de envíos", "Upload history")}</h2>
            <div class="table-wrap">
            <table>
            <caption class="visually-hidden">{c.T("Cada archivo recibido para este trimestre, el más reciente primero", "Every file received for this quarter, newest first")}</caption>
            <thead><tr><th scope="col">{c.T("Recibido", "Received")}</th><th scope="col">{c.T("Archivo", "File")}</th><th scope="col">{c.T("Enviado por", "Sent by")}</th><th scope="col">{c.T("Resultado", "Result")}</th><th scope="col" class="numeric">{c.T("Errores", "Errors")}</th><th scope="col" class="numeric">{c.T("Advertencias", "Warnings")}</th><th scope="col">{c.T("Archivos", "Files")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    /// <summary>The sender as the portal recorded it, or as the file's writer declared it (straight to storage), said so.</summary>
    private static Html Sender(PortalContext c, UnitQuarter q, SubmissionEntity h) =>
        string.IsNullOrEmpty(h.Uploader) ? Html.Text("—")
        : q.SenderRecorded(h) ? Html.Text(h.Uploader)
        : Html.Of($"""{h.Uploader} <span class="hint">({c.T("declarado por quien escribió el archivo, no registrado por el portal", "declared by the file's writer, not recorded by the portal")})</span>""");

    private static Html Downloads(PortalContext c, UnitQuarter q, SubmissionEntity h)
    {
        var stem = UnitFiles.StemOf(h.FileName);
        var original = string.IsNullOrEmpty(h.ArchiveBlob) || !UnitFiles.IsContentId(h.RowKey)
            ? Html.Empty
            : Html.Of($"""<a href="{Routes.Original(q.Unit.Code, q.Period, h.RowKey)}">{c.T("original", "original")}<span class="visually-hidden"> {h.FileName}</span></a>""");
        var annotated = h.ErrorCount + h.WarningCount > 0 && Core.Portal.Uploads.UploadNames.IsStem(stem) && !string.IsNullOrEmpty(h.ArchiveBlob)
            ? Html.Of($""" · <a href="{Routes.Annotated(q.Unit.Code, q.Period, stem, refused: false)}">{c.T("copia revisada", "reviewed copy")}<span class="visually-hidden"> {h.FileName}</span></a>""")
            : Html.Empty;
        return Html.Of($"{original}{annotated}");
    }

    private static Html Refused(PortalContext c, UnitQuarter q, IReadOnlyList<UnitFiles.RefusedCheck> refused)
    {
        if (refused.Count == 0) return Html.Empty;
        var items = refused.Select(r => Html.Of($"""
            <li>{PortalFormat.DateTime(r.At, q.Zone, c.Language)}: <a href="{Routes.Report(q.Unit.Code, q.Period, r.Stem, refused: true)}">{c.T("informe de la comprobación", "check report")}<span class="visually-hidden"> {r.Stem}</span></a>{(r.HasAnnotatedCopy ? Html.Of($""" · <a href="{Routes.Annotated(q.Unit.Code, q.Period, r.Stem, refused: true)}">{c.T("copia revisada", "reviewed copy")}<span class="visually-hidden"> {r.Stem}</span></a>""") : Html.Empty)}</li>
            """));
        return Html.Of($"""
            <h2 class="heading-m">{c.T("Archivos rechazados en el portal", "Files refused by the portal")}</h2>
            <p class="body">{c.T("Estos archivos tenían errores y no se enviaron; sus resultados siguen disponibles.", "These files had errors and were not sent; their results are still available.")}</p>
            <ul>{items}</ul>
            """);
    }
}
