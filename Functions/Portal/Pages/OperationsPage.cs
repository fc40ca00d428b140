using ServerlessPlan.Core.Operations;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The ST's operations page (<c>/coalition/operations</c>, <c>Coalition.Admin</c>): what <c>serverlessplan status</c>
/// reports (<see cref="OperationsStatus"/>), each part with what it means and, for uploads, a form to process them again
/// through the same ingestion (<see cref="Routes.Replay"/>; an upload already merged comes back a duplicate). Times in UTC.
/// </summary>
public static class OperationsPage
{
    /// <summary>The queries the replay redirects back with (post/redirect/get): how many uploads it processed, and how many failed again.</summary>
    public const string DoneQuery = "done";

    public const string FailedQuery = "failed";

    public const string BlobField = "blob";
    public const string WhatField = "what";
    public const string DeadLettersValue = "dead-letters";

    public static Html Render(PortalContext c, OperationsStatus s)
    {
        var title = c.T("Operación del sistema", "System operations");
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional · Secretaría Técnica", "Regional Coalition · Technical Secretariat")}</span>
            <h1 class="heading-l">{title}</h1>
            {Done(c)}
            {Summary(c, s)}
            {Digests(c, s)}
            {Reminders(c, s)}
            {Stuck(c, s)}
            {Returned(c, s)}
            {Mails(c, s)}
            <p class="hint">{c.T("Lo mismo, para guiones: serverlessplan status --json (sale con 5 cuando algo requiere atención). Qué hacer con cada aviso: docs/operations.md.",
                "The same, for scripts: serverlessplan status --json (exits 5 when something needs attention). What to do about each alert: docs/operations.md.")}</p>
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, title));
    }

    /// <summary>What the replay just did, from its redirect's numbers only (nothing a link could make the page say).</summary>
    private static Html Done(PortalContext c)
    {
        if (!int.TryParse(c.Request.Query[DoneQuery].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var done)) return Html.Empty;
        _ = int.TryParse(c.Request.Query[FailedQuery].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var failed);
        var message = done == 0
            ? c.T("No había nada que procesar de nuevo.", "There was nothing to process again.")
            : c.T($"Se procesaron de nuevo {done} planilla(s); {failed} volvieron a fallar y siguen en la lista.", $"{done} sheet(s) processed again; {failed} failed again and stay listed.");
        return Html.Of($"""
            <div class="notification" role="status" data-done>
            <h2 class="heading-m">{c.T("Procesado de nuevo", "Processed again")}</h2>
            <p class="body">{message}</p>
            </div>
            """);
    }

    private static Html Summary(PortalContext c, OperationsStatus s)
    {
        if (s.Healthy)
        {
            return Html.Of($"""<div class="panel" data-status="healthy"><p class="lead">{c.T("Todo en orden", "All is well")}</p><p class="body">{c.T("Revisado", "Checked")}: {PortalFormat.DateTime(s.CheckedAt, c.Language)}.</p></div>""");
        }
        var items = s.Attention.Select(a => Html.Of($"""<li><strong>{a.Code}</strong> {a.Subject} — {Meaning(c, a.Code)}</li>"""));
        return Html.Of($"""
            <div class="error-summary" data-status="attention" role="alert" tabindex="-1">
            <h2 class="heading-m">{c.T($"Requiere atención ({s.Attention.Count})", $"Needs attention ({s.Attention.Count})")}</h2>
            <ul>{Html.Join(items)}</ul>
            <p class="body">{c.T("Revisado", "Checked")}: {PortalFormat.DateTime(s.CheckedAt, c.Language)}.</p>
            </div>
            """);
    }

    /// <summary>What each code means, in a sentence (the runbook has the rest).</summary>
    public static string Meaning(PortalContext c, string code) => code switch
    {
        AttentionCodes.DigestMissed => c.T("ningún envío del resumen quedó registrado dos horas después de su hora: el temporizador no corrió.", "no digest run was recorded two hours after its slot: the timer did not run."),
        AttentionCodes.DigestFailed => c.T("el resumen no salió (el proveedor lo rechazó o la ejecución murió); el próximo envío lo reemplaza.", "the digest did not go out (the provider refused it or the run died); the next one stands in for it."),
        AttentionCodes.RemindersMissed => c.T("el temporizador de recordatorios no corrió después de su última hora.", "the reminder timer did not run after its last firing."),
        AttentionCodes.RemindersIncomplete => c.T("la última ejecución de recordatorios dejó correos sin enviar.", "the last reminder run left mails unsent."),
        AttentionCodes.UploadWithoutVerdict => c.T("una planilla subida hace más de 15 minutos no tiene veredicto.", "a sheet uploaded over 15 minutes ago has no verdict."),
        AttentionCodes.PoisonMessage => c.T("la función falló cinco veces con esta planilla y la dejó de lado.", "the function failed five times on this sheet and set it aside."),
        AttentionCodes.DeadLetter => c.T("Event Grid no pudo entregar el aviso de esta planilla a la función.", "Event Grid could not deliver this sheet's event to the function."),
        AttentionCodes.MailOwed => c.T("el correo del resultado quedó pendiente: la ejecución que lo reclamó no terminó.", "the result mail is owed: the run that claimed it did not finish."),
        _ => "",
    };

    private static Html Section(string id, string heading, string meaning, Html content) => Html.Of($"""
        <h2 class="heading-m" id="{id}">{heading}</h2>
        <p class="body">{meaning}</p>
        {content}
        """);

    private static Html Table(string caption, IEnumerable<string> headers, IEnumerable<Html> rows, Html empty)
    {
        var list = rows.ToList();
        if (list.Count == 0) return empty;
        var head = Html.Join(headers.Select(h => Html.Of($"""<th scope="col">{h}</th>""")));
        // Focusable and named: on a phone the table scrolls sideways, and a keyboard must be able to scroll it (WCAG 2.1.1).
        return Html.Of($"""
            <div class="table-wrap" tabindex="0" role="region" aria-label="{caption}"><table>
            <caption>{caption}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{Html.Join(list)}</tbody>
            </table></div>
            """);
    }

    private static Html None(PortalContext c) => Html.Of($"""<p class="body hint">{c.T("Nada.", "None.")}</p>""");

    private static Html Digests(PortalContext c, OperationsStatus s) => Section("digests", c.T("Resúmenes para la Presidencia", "Presidency digests"),
        c.T("Cada hora programada queda registrada con su resultado. Faltante: el temporizador no corrió; Failed: el proveedor lo rechazó (el siguiente lo reemplaza); Superseded: otro salió en su lugar. Para enviarlo ahora: serverlessplan digest --send.",
            "Every slot is recorded with its outcome. Missing: the timer did not run; Failed: the provider refused it (the next one stands in); Superseded: another went in its place. To send it now: serverlessplan digest --send."),
        Table(c.T("Últimas horas programadas (UTC)", "Last slots (UTC)"), [c.T("Hora", "Slot"), c.T("Trimestre", "Quarter"), c.T("Estado", "State"), c.T("Enviado", "Sent"), c.T("Error", "Error")],
            s.DigestSlots.Select(d => Html.Of($"""<tr><td>{PortalFormat.DateTime(d.Slot, c.Language)}</td><td>{d.Period}</td><td>{d.State}</td><td>{PortalFormat.DateTime(d.SentAt, c.Language)}</td><td>{d.Error ?? "—"}</td></tr>""")),
            None(c)));

    private static Html Reminders(PortalContext c, OperationsStatus s) => Section("reminders", c.T("Recordatorios", "Reminders"),
        c.T("Una fila por ejecución del temporizador diario. Incompleta: quedaron correos sin enviar (el proveedor falló u otra ejecución los tenía); el reintento o la ejecución siguiente los envía.",
            "One row per run of the daily timer. Incomplete: mails were left unsent (the provider failed or another run held them); the retry or the next run sends them."),
        Table(c.T("Últimas ejecuciones (UTC)", "Last runs (UTC)"), [c.T("Ejecución", "Ran at"), c.T("Decididos", "Decided"), c.T("Enviados", "Sent"), c.T("Completa", "Complete")],
            s.ReminderRuns.Select(r => Html.Of($"""<tr><td>{PortalFormat.DateTime(r.RanAt, c.Language)}</td><td>{r.Decided}</td><td>{r.Sent}</td><td>{(r.Complete ? c.T("sí", "yes") : c.T("no", "no"))}</td></tr>""")),
            None(c)));

    private static Html ReplayButton(PortalContext c, string blob, string label) => Html.Of($"""
        <form method="post" action="{Routes.Replay}">
        <input type="hidden" name="{AntiForgery.FieldName}" value="{c.AntiForgeryToken}">
        <input type="hidden" name="{BlobField}" value="{blob}">
        <button class="button button--secondary" type="submit">{label}<span class="visually-hidden"> {blob}</span></button>
        </form>
        """);

    private static Html Stuck(PortalContext c, OperationsStatus s) => Section("stuck", c.T("Planillas sin veredicto", "Sheets without a verdict"),
        c.T("Subidas hace más de 15 minutos sin veredicto registrado: la función no terminó con ellas. Procesarlas de nuevo pasa por la misma ingesta; una ya incorporada queda como duplicado y nada cambia.",
            "Uploaded over 15 minutes ago with no verdict recorded: the function did not finish them. Processing them again goes through the same ingestion; one already merged ends a duplicate and nothing changes."),
        Table(c.T("Planillas sin veredicto", "Sheets without a verdict"), [c.T("Planilla", "Sheet"), c.T("Desde (UTC)", "Since (UTC)"), c.T("Motivo", "Reason"), c.T("Acción", "Action")],
            s.StuckUploads.Select(u => Html.Of($"""<tr><td>{u.UploadBlob}</td><td>{PortalFormat.DateTime(u.Since, c.Language)}</td><td>{u.Reason}</td><td>{ReplayButton(c, u.UploadBlob, c.T("Procesar de nuevo", "Process again"))}</td></tr>""")),
            None(c)));

    private static Html Returned(PortalContext c, OperationsStatus s)
    {
        var poison = Table(c.T("Mensajes en la cola de descartes", "Messages in the poison queue"), [c.T("Planilla", "Sheet"), c.T("Desde (UTC)", "Since (UTC)"), c.T("Acción", "Action")],
            s.PoisonMessages.Select(p => Html.Of($"""<tr><td>{p.UploadBlob}</td><td>{PortalFormat.DateTime(p.InsertedAt, c.Language)}</td><td>{ReplayButton(c, p.UploadBlob, c.T("Procesar de nuevo", "Process again"))}</td></tr>""")),
            Html.Empty);
        var dead = Table(c.T("Eventos no entregados por Event Grid", "Events Event Grid could not deliver"), [c.T("Planilla", "Sheet"), c.T("Motivo", "Reason"), c.T("Intentos", "Attempts"), c.T("Reprocesado (UTC)", "Replayed (UTC)")],
            s.DeadLetters.Select(d => Html.Of($"""<tr><td>{d.UploadBlob ?? d.DeadLetterBlob}</td><td>{d.Reason ?? "—"}</td><td>{d.DeliveryAttempts?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td><td>{PortalFormat.DateTime(d.ReplayedAt, c.Language)}</td></tr>""")),
            Html.Empty);
        var pending = s.PoisonMessages.Count > 0 || s.DeadLetters.Any(d => d.ReplayedAt is null);
        var all = pending
            ? Html.Of($"""
                <form method="post" action="{Routes.Replay}">
                <input type="hidden" name="{AntiForgery.FieldName}" value="{c.AntiForgeryToken}">
                <input type="hidden" name="{WhatField}" value="{DeadLettersValue}">
                <button class="button" type="submit">{c.T("Procesar de nuevo todo lo devuelto", "Process everything returned again")}</button>
                </form>
                """)
            : Html.Empty;
        var content = s.PoisonMessages.Count == 0 && s.DeadLetters.Count == 0 ? None(c) : Html.Of($"{poison}{dead}{all}");
        return Section("returned", c.T("Devueltos por la plataforma", "Returned by the platform"),
            c.T("La cola de descartes de la función (webjobs-blobtrigger-poison: cinco intentos fallidos) y los eventos que Event Grid no pudo entregar (contenedor eventgrid-deadletter). Procesarlos de nuevo pasa por la misma ingesta; el aviso se borra o se marca solo si llegó a su veredicto.",
                "The function's poison queue (webjobs-blobtrigger-poison: five failed attempts) and the events Event Grid could not deliver (container eventgrid-deadletter). Processing them again goes through the same ingestion; the message is deleted, or the dead-letter marked, only once the sheet reached its verdict."),
            content);
    }

    private static Html Mails(PortalContext c, OperationsStatus s) => Section("mails", c.T("Correos de resultado pendientes", "Result mails owed"),
        c.T("Una ejecución reclamó el correo del resultado y no terminó (se cortó a mitad). Nadie más lo envía hasta que el reclamo vence; después, el barrido de cada cinco minutos lo envía una sola vez.",
            "A run claimed the result mail and did not finish (it was cut off mid-way). Nobody else sends it until the claim lapses; after that, the five-minute sweep sends it, once."),
        Table(c.T("Correos pendientes", "Mails owed"), [c.T("Unidad", "Unit"), c.T("Trimestre", "Quarter"), c.T("Planilla", "Sheet"), c.T("Vence (UTC)", "Lapses (UTC)"), c.T("Acción", "Action")],
            s.PendingMails.Select(m => Html.Of($"""<tr><td>{m.Unit}</td><td>{m.Period}</td><td>{m.UploadBlob}</td><td>{PortalFormat.DateTime(m.LapsesAt, c.Language)}</td><td>{(m.Lapsed(s.CheckedAt) ? ReplayButton(c, m.UploadBlob, c.T("Enviar ahora", "Send now")) : Html.Of($"{c.T("esperar al vencimiento", "wait for it to lapse")}"))}</td></tr>""")),
            None(c)));
}
