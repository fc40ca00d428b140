using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// The mail a unit without an accepted sheet gets before the deadline (<see cref="ReminderKind.Before"/>) or once
/// after it (<see cref="ReminderKind.Late"/>): in the unit's language, to its registered contacts only, saying the
/// quarter, the deadline in the templates' own words (<see cref="TemplateTexts.Deadline"/>), how to file (the portal's
/// page of the unit's quarter, or the upload folder) and whom to ask.
/// </summary>
public static class ReminderMail
{
    public const string Category = "reminder";

    /// <summary><c>reminder-GT-2021-Q3-before-14</c>, <c>reminder-GT-2021-Q3-late</c>.</summary>
    public static string MessageKey(string unit, ReminderWindow window) =>
        $"reminder-{unit.ToUpperInvariant()}-{window.Period}-{window.Key}";

    /// <param name="at">The instant the reminder is decided at: the days left are counted from its date.</param>
    /// <param name="rejectedUploads">Uploads of the quarter that were rejected (none was accepted).</param>
    /// <param name="unitPage">The unit's quarter in the portal; null without a portal.</param>
    /// <param name="dates">The unit's dates for the quarter on its clock: the last day to send and, for a late notice, when it locks.</param>
    public static OutgoingMail Compose(ReportingUnit unit, ReminderWindow window, DateTimeOffset at, int rejectedUploads,
        RegisteredRecipients recipients, string? unitPage, QuarterDates dates)
    {
        var language = unit.Language;
        var en = language == Language.En;
        string T(string es, string english) => en ? english : es;
        var name = unit.Name.In(language);
        var period = window.Period;
        var lastDay = dates.LastDayToSend;
        var due = TemplateTexts.LongDate(lastDay, language);
        var late = window.Kind == ReminderKind.Late;

        var subject = late
            ? T($"[ServerlessPlan] {unit.Code} {period}: informe atrasado — el plazo venció el {due}",
                $"[ServerlessPlan] {unit.Code} {period}: report overdue — the deadline was {due}")
            : T($"[ServerlessPlan] {unit.Code} {period}: recordatorio — el informe vence el {due}",
                $"[ServerlessPlan] {unit.Code} {period}: reminder — the report is due on {due}");

        var body = new MailBody();
        body.Paragraph(late
            ? T($"El plazo del informe de {name} del trimestre {period} venció y todavía no tenemos un informe aceptado.",
                $"The deadline for the {period} report of {name} has passed and we still have no accepted report.")
            : T($"{name} todavía no tiene un informe aceptado para el trimestre {period}.",
                $"{name} has no accepted report for {period} yet."));
        if (rejectedUploads > 0)
        {
            body.Paragraph(T(
                $"Recibimos {rejectedUploads} envío(s) de este trimestre, pero ninguno fue aceptado: el correo de resultado de cada uno indica qué corregir antes de volver a subirlo.",
                $"We received {rejectedUploads} upload(s) for this quarter, but none was accepted: the result e-mail of each says what to fix before uploading again."));
        }

        body.Paragraph(TemplateTexts.Deadline(dates, language) + " " + (late
            ? T("Envíelo cuanto antes: las cifras regionales del trimestre se están consolidando sin las suyas.",
                "Please send it as soon as you can: the regional figures for the quarter are being compiled without yours.")
              + (dates.LocksAt is not null ? " " + Lock(dates, at, language) : "")
            : DaysLeft(lastDay, dates.DayOf(at), en)));

        if (unitPage is not null)
        {
            body.Link(T("Descargue la plantilla, suba el informe y vea el resultado en el portal: ",
                "Download the template, upload the report and see the result in the portal: "), unitPage);
        }
        else
        {
            body.Paragraph(T(
                $"Suba la hoja completada a la carpeta {UploadFolder(unit, period)} (cualquier nombre terminado en .xlsx); recibirá el resultado por correo. Si no tiene la plantilla del trimestre o acceso a la carpeta, pídalos a la Secretaría Técnica.",
                $"Upload the completed sheet to the folder {UploadFolder(unit, period)} (any file name ending in .xlsx); the result comes back by e-mail. If you do not have the quarter's template or access to the folder, ask the Technical Secretariat."));
        }

        body.Paragraph(recipients.Secretariat.Count > 0
            ? T($"Si tiene dudas, escriba a la Secretaría Técnica: {string.Join(", ", recipients.Secretariat)}.",
                $"If you have questions, write to the Technical Secretariat: {string.Join(", ", recipients.Secretariat)}.")
            : T("Si tiene dudas, consulte a la Secretaría Técnica.", "If you have questions, ask the Technical Secretariat."));
        if (!late)
        {
            body.Paragraph(T("Si ya lo envió y fue aceptado, no tiene que hacer nada: este aviso pudo cruzarse con su envío.",
                "If you have already sent it and it was accepted, there is nothing to do: this notice may have crossed with your upload."));
        }

        body.Paragraph(T($"Este correo se envía a los contactos registrados de {name}.", $"This e-mail goes to the contacts registered for {name}."));

        return new OutgoingMail
        {
            To = recipients.UnitContacts.Select(a => new MailRecipient(a)).ToList(),
            Subject = subject,
            HtmlBody = body.Html,
            TextBody = body.Text,
            Category = Category,
            MessageKey = MessageKey(unit.Code, window),
        };
    }

    /// <summary><c>uploads/GT/2021-Q3/</c>: where a sheet is filed when there is no portal.</summary>
    public static string UploadFolder(ReportingUnit unit, ReportingPeriod period) =>
        $"{StorageNames.UploadsContainer}/{unit.Code.ToUpperInvariant()}/{period}/";

    /// <summary>Until when a late sheet is still accepted, or since when the quarter is locked (only the ST can reopen it).</summary>
    private static string Lock(QuarterDates dates, DateTimeOffset at, Language language)
    {
        var en = language == Language.En;
        if (at >= dates.LocksAt)
        {
            var since = DeadlineText.DateTime(dates.LocksAt!.Value, dates.Zone, language);
            return en
                ? $"The quarter has been locked for uploads since {since}: to send it, ask the Technical Secretariat to reopen it for you."
                : $"El trimestre está cerrado para envíos desde el {since}: para enviarlo, pida a la Secretaría Técnica que se lo reabra.";
        }

        var lastDay = DeadlineText.EndOfDay(dates.LastDayBeforeLock!.Value, dates.Zone, language);
        return en
            ? $"Late reports are accepted until {lastDay}; after that the quarter is locked and only the Technical Secretariat can reopen it."
            : $"Se aceptan informes atrasados hasta el {lastDay}; después el trimestre se cierra y solo la Secretaría Técnica puede reabrirlo.";
    }

    /// <summary>Counted in whole days from the reader's day to the last day to send, both included.</summary>
    /// <param name="today">The unit's day the reminder goes out on, by its clock.</param>
    private static string DaysLeft(DateOnly lastDay, DateOnly today, bool en)
    {
        var days = lastDay.DayNumber - today.DayNumber + 1;
        return days switch
        {
            <= 1 => en ? "Today is the last day." : "Hoy es el último día.",
            _ => en ? $"{days} days left, counting today." : $"Quedan {days} días, contando hoy.",
        };
    }
}
