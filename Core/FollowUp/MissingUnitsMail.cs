using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>A unit without an accepted sheet for a quarter, as the ST's weekly list shows it.</summary>
/// <param name="Reminded">The reminders and late notice it was sent for the quarter (rows marked sent), oldest first.</param>
public sealed record MissingUnit(ReportingUnit Unit, int RejectedUploads, bool Exempt, bool HasContact, IReadOnlyList<ReminderEntity> Reminded);

/// <summary>One quarter of the weekly list: its last day to send (ending on each unit's clock), how many units report, and who is missing.</summary>
public sealed record ListedQuarter(ReportingPeriod Period, DateOnly LastDayToSend, int Units, IReadOnlyList<MissingUnit> Missing)
{
    public int Filed => Units - Missing.Count;
}

/// <summary>
/// The ST's weekly list of units still missing (<see cref="ReminderKind.WeeklyMissing"/>): per quarter covered, the
/// deadline, the coverage ("6 of 9 filed"), and for each missing unit what it sent (rejected uploads), which reminders
/// it got, and whether it is exempt or has nobody registered to remind. In <c>Reminders__ListLanguage</c>.
/// </summary>
public static class MissingUnitsMail
{
    public const string Category = "reminder-list";

    /// <summary><c>missing-2021-W43</c>.</summary>
    public static string MessageKey(string week) => $"missing-{week}";

    /// <param name="boards">Each quarter's board in the portal (<c>/coalition/{period}</c>); null without a portal.</param>
    /// <param name="zone">The coalition's clock: "today" and the dates notices were sent are read on it.</param>
    public static OutgoingMail Compose(string week, DateTimeOffset at, ReportingZone zone, Language language, IReadOnlyList<ListedQuarter> quarters,
        IReadOnlyList<MailRecipient> to, Func<ReportingPeriod, string?> boards)
    {
        var en = language == Language.En;
        string T(string es, string english) => en ? english : es;
        var today = zone.DayOf(at);

        var body = new MailBody();
        body.Paragraph(T($"Unidades que todavía no tienen un informe aceptado, al {DeadlineText.DateTime(at, zone, language)}.",
            $"Units still without an accepted report, as of {DeadlineText.DateTime(at, zone, language)}."));
        foreach (var quarter in quarters)
        {
            var lastDay = quarter.LastDayToSend;
            body.Heading(T($"{quarter.Period}: presentaron {quarter.Filed} de {quarter.Units} unidades",
                $"{quarter.Period}: {quarter.Filed} of {quarter.Units} units filed"));
            body.Paragraph(TemplateTexts.Format(TemplateTexts.DeadlineLine, language, DeadlineText.ForEveryUnit(lastDay, language)) + " " + Timing(lastDay, today, en));
            body.List(quarter.Missing.Count == 0
                ? [T("No falta ninguna unidad.", "No unit is missing.")]
                : quarter.Missing.Select(m => Line(m, zone, language)));
            if (boards(quarter.Period) is { } board)
                body.Link(T("Tablero del trimestre: ", "The quarter's board: "), board);
        }
        body.Paragraph(T(
            "Cada unidad sin informe aceptado recibe los recordatorios antes del plazo y un aviso de atraso, una sola vez cada uno; esta lista se envía una vez por semana mientras falte alguna unidad.",
            "Each unit without an accepted report gets the reminders before the deadline and one late notice, each only once; this list goes out once a week while any unit is missing."));

        var missing = quarters.Sum(q => q.Missing.Count);
        return new OutgoingMail
        {
            To = to,
            Subject = T($"[ServerlessPlan] Informes pendientes — semana {week} ({missing})", $"[ServerlessPlan] Missing reports — week {week} ({missing})"),
            HtmlBody = body.Html,
            TextBody = body.Text,
            Category = Category,
            MessageKey = MessageKey(week),
        };
    }

    /// <summary>What the list stores of itself: <c>2021-Q3:BZ,HN;2021-Q4:GT</c>.</summary>
    public static string Summary(IReadOnlyList<ListedQuarter> quarters) =>
        string.Join(";", quarters.Select(q => $"{q.Period}:{string.Join(",", q.Missing.Select(m => m.Unit.Code))}"));

    private static string Timing(DateOnly lastDay, DateOnly today, bool en)
    {
        var days = lastDay.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => en ? $"Overdue by {-days} day(s)." : $"Venció hace {-days} día(s).",
            0 => en ? "Today is the last day." : "Hoy es el último día.",
            _ => en ? $"{days + 1} day(s) left, counting today." : $"Quedan {days + 1} día(s), contando hoy.",
        };
    }

    private static string Line(MissingUnit missing, ReportingZone zone, Language language)
    {
        var en = language == Language.En;
        string T(string es, string english) => en ? english : es;
        var head = $"{missing.Unit.Name.In(language)} ({missing.Unit.Code}): " + (missing.RejectedUploads > 0
            ? T($"{missing.RejectedUploads} envío(s) rechazado(s), ninguno aceptado.", $"{missing.RejectedUploads} upload(s) rejected, none accepted.")
            : T("sin envíos.", "nothing uploaded."));
        if (missing.Exempt)
            return head + " " + T("Exenta de recordatorios.", "Exempt from reminders.");
        var reminded = missing.Reminded.Count == 0
            ? T("ninguno", "none")
            : string.Join(", ", missing.Reminded.Select(r => $"{KindLabel(r, en)} ({When(r, zone, language)})"));
        var line = head + " " + T($"Avisos enviados: {reminded}.", $"Notices sent: {reminded}.");
        return missing.HasContact ? line : line + " " + T("Sin contacto registrado: no recibe avisos.", "No registered contact: it gets no notices.");
    }

    private static string KindLabel(ReminderEntity reminder, bool en) => reminder.Kind == ReminderKind.Late.Name()
        ? en ? "late notice" : "aviso de atraso"
        : string.Format(CultureInfo.InvariantCulture, en ? "{0} days before" : "{0} días antes", reminder.DaysBefore);

    private static string When(ReminderEntity reminder, ReportingZone zone, Language language) =>
        reminder.SentAt is { } sent ? DeadlineText.Date(sent, zone, language) : "?";
}
