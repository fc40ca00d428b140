using System.Globalization;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The follow-up mails as the pages show them: to a focal point, what its unit was sent for the quarter (kind, when,
/// to how many of the unit's registered contacts — never the addresses); to the ST's board, every unit's mails in any
/// state and the weekly lists of who was missing.
/// </summary>
public static class ReminderView
{
    /// <summary>"Recordatorio, 3 días antes del plazo" / "Aviso de retraso" / "Lista semanal de la ST".</summary>
    public static string Kind(PortalContext c, ReminderEntity r) => r.Kind switch
    {
        "before" => c.T($"Recordatorio, {r.DaysBefore} días antes del plazo", $"Reminder, {r.DaysBefore} days before the deadline"),
        "late" => c.T("Aviso de retraso", "Late notice"),
        _ => c.T("Lista semanal de la ST", "The ST's weekly list"),
    };

    /// <summary>The window of a reminder: "del 17 de octubre de 2021 al 28 de octubre de 2021".</summary>
    public static string Window(PortalContext c, ReminderWindow w) =>
        c.T($"del {PortalFormat.Date(w.Opens, w.Zone, c.Language)} al {PortalFormat.Date(w.Closes.AddTicks(-1), w.Zone, c.Language)}",
            $"from {PortalFormat.Date(w.Opens, w.Zone, c.Language)} to {PortalFormat.Date(w.Closes.AddTicks(-1), w.Zone, c.Language)}");

    /// <summary>What the unit was sent for the quarter, oldest first (only mails the provider took).</summary>
    /// <param name="zone">The unit's clock: when each was sent is shown on it.</param>
    public static Html SentToUnit(PortalContext c, IReadOnlyList<ReminderEntity> sent, ReportingZone zone)
    {
        if (sent.Count == 0)
        {
            return Html.Of($"""<p class="body">{c.T("Ninguno. Mientras la unidad no tenga un informe aceptado, se le recuerda el plazo antes de que venza y se le avisa una vez si vence sin informe.", "None. While the unit has no accepted report, it is reminded before the deadline and told once if the deadline passes without one.")}</p>""");
        }
        var items = sent.Select(r => Html.Of($"<li>{Kind(c, r)}: {c.T("enviado el", "sent on")} {PortalFormat.DateTime(r.SentAt, zone, c.Language)} {c.T("a", "to")} {Recipients(c, r)}.</li>"));
        return Html.Of($"<ul>{items}</ul>");
    }

    /// <summary>The board's follow-up: the quarter's windows, every unit's mails, the weekly lists.</summary>
    /// <param name="zone">The coalition's clock: the board's times are shown on it.</param>
    public static Html ForBoard(PortalContext c, QuarterFollowUp followUp, ReportingZone zone)
    {
        var windows = followUp.Windows.Select(w => Html.Of($"<li>{(w.Kind == ReminderKind.Late ? c.T("Aviso de retraso", "Late notice") : c.T($"Recordatorio, {w.DaysBefore} días antes del plazo", $"Reminder, {w.DaysBefore} days before the deadline"))}: {Window(c, w)}</li>"));
        var byUnit = followUp.Reminders.GroupBy(r => r.Unit, StringComparer.OrdinalIgnoreCase).ToList();
        var unitRows = byUnit.Select(g => Html.Of($"""
            <tr><th scope="row">{g.Key}</th><td><ul class="plain">{g.Select(r => Html.Of($"<li>{Kind(c, r)}: {State(c, r, zone)}</li>"))}</ul></td></tr>
            """));
        var units = byUnit.Count == 0
            ? Html.Of($"""<p class="body">{c.T("No se envió ningún recordatorio ni aviso de este trimestre.", "No reminder or late notice was sent for this quarter.")}</p>""")
            : Html.Of($"""
                <div class="table-wrap"><table>
                <caption>{c.T("Recordatorios y avisos por unidad", "Reminders and late notices per unit")}</caption>
                <thead><tr><th scope="col">{c.T("Unidad", "Unit")}</th><th scope="col">{c.T("Enviado", "Sent")}</th></tr></thead>
                <tbody>{unitRows}</tbody>
                </table></div>
                <p class="hint">{c.T("Las unidades que no aparecen no recibieron nada: tenían un informe aceptado, estaban exentas o no había vencido ninguna ventana.", "Units not listed were sent nothing: they had an accepted report, were exempt, or no window had come.")}</p>
                """);
        var period = followUp.Period.ToString();
        var listRows = followUp.WeeklyLists.Select(l => Html.Of($"""
            <tr><th scope="row">{l.Week ?? l.RowKey}</th><td>{State(c, l, zone)}</td><td>{MissingIn(l, period)}</td></tr>
            """));
        var lists = followUp.WeeklyLists.Count == 0
            ? Html.Of($"""<p class="body">{c.T("Ninguna lista semanal cubrió este trimestre.", "No weekly list covered this quarter.")}</p>""")
            : Html.Of($"""
                <div class="table-wrap"><table>
                <caption>{c.T("Listas semanales de la ST", "The ST's weekly lists")}</caption>
                <thead><tr><th scope="col">{c.T("Semana", "Week")}</th><th scope="col">{c.T("Enviada", "Sent")}</th><th scope="col">{c.T($"Faltaban ({period})", $"Missing ({period})")}</th></tr></thead>
                <tbody>{listRows}</tbody>
                </table></div>
                """);
        return Html.Of($"""
            <h2 class="heading-m" id="follow-up">{c.T("Recordatorios", "Reminders")}</h2>
            <p class="body">{c.T("Ventanas de este trimestre, en días de la hora de la Coalición (se envía a las unidades sin informe aceptado; cada una cuenta los días en su propia hora):", "This quarter's windows, in days on the Coalition's clock (sent to units without an accepted report; each counts the days on its own clock):")}</p>
            <ul>{windows}</ul>
            {units}
            {lists}
            """);
    }

    private static string State(PortalContext c, ReminderEntity r, ReportingZone zone) => r.StateValue switch
    {
        ReminderSendState.Sent => $"{PortalFormat.DateTime(r.SentAt, zone, c.Language)}, {c.T("a", "to")} {Recipients(c, r)}",
        ReminderSendState.Failed => c.T($"falló ({PortalFormat.DateTime(r.ClaimedAt, zone, c.Language)}); se intenta de nuevo en la próxima ejecución", $"failed ({PortalFormat.DateTime(r.ClaimedAt, zone, c.Language)}); retried at the next run"),
        ReminderSendState.Cancelled => c.T($"no enviado: llegó un informe aceptado ({PortalFormat.DateTime(r.ClaimedAt, zone, c.Language)})", $"not sent: an accepted report arrived ({PortalFormat.DateTime(r.ClaimedAt, zone, c.Language)})"),
        _ => c.T($"en envío desde {PortalFormat.DateTime(r.ClaimedAt, zone, c.Language)}", $"being sent since {PortalFormat.DateTime(r.ClaimedAt, zone, c.Language)}"),
    };

    /// <summary>"1 contacto registrado" / "2 registered contacts": how many, never who (a page may be seen by others than the recipients).</summary>
    private static string Recipients(PortalContext c, ReminderEntity r)
    {
        var n = r.Recipients.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var count = n.ToString(CultureInfo.InvariantCulture);
        return n == 1 ? c.T("1 contacto registrado", "1 registered contact") : c.T($"{count} contactos registrados", $"{count} registered contacts");
    }

    /// <summary>The units the list named as missing for <paramref name="period"/> (<c>2021-Q3:BZ,HN;2021-Q4:GT</c>).</summary>
    private static string MissingIn(ReminderEntity list, string period) =>
        (list.Missing ?? "").Split(';').Select(p => p.Split(':', 2)).Where(p => p.Length == 2 && p[0] == period)
            .Select(p => p[1].Replace(",", ", ", StringComparison.Ordinal)).FirstOrDefault() is { Length: > 0 } units ? units : "—";
}
