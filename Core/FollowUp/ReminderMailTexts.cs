using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>The words of the reminder and the late notice a unit gets (<see cref="ReminderMail"/>).</summary>
public static class ReminderMailTexts
{
    public static readonly LocalizedText SendSoon = new(
        "Envíelo cuanto antes: las cifras regionales del trimestre se están consolidando sin las suyas.",
        "Please send it as soon as you can: the regional figures for the quarter are being compiled without yours.");
    public static readonly LocalizedText PortalLead = new(
        "Descargue la plantilla, suba el informe y vea el resultado en el portal: ",
        "Download the template, upload the report and see the result in the portal: ");
    public static readonly LocalizedText AskTheSecretariat = new("Si tiene dudas, consulte a la Secretaría Técnica.", "If you have questions, ask the Technical Secretariat.");
    public static readonly LocalizedText AlreadySent = new(
        "Si ya lo envió y fue aceptado, no tiene que hacer nada: este aviso pudo cruzarse con su envío.",
        "If you have already sent it and it was accepted, there is nothing to do: this notice may have crossed with your upload.");
    public static readonly LocalizedText LastDayToday = new("Hoy es el último día.", "Today is the last day.");

    public static LocalizedText LateSubject(string unit, ReportingPeriod period, LocalizedText due) => new(
        $"[ServerlessPlan] {unit}, {period.Label(Language.Es)}: informe atrasado — el plazo venció el {due.Es}",
        $"[ServerlessPlan] {unit}, {period.Label(Language.En)}: report overdue — the deadline was {due.En}");

    public static LocalizedText BeforeSubject(string unit, ReportingPeriod period, LocalizedText due) => new(
        $"[ServerlessPlan] {unit}, {period.Label(Language.Es)}: recordatorio — el informe vence el {due.Es}",
        $"[ServerlessPlan] {unit}, {period.Label(Language.En)}: reminder — the report is due on {due.En}");

    public static LocalizedText LateLead(LocalizedText unit, ReportingPeriod period) => new(
        $"El plazo del informe de {unit.Es} del {period.Label(Language.Es)} venció y todavía no tenemos un informe aceptado.",
        $"The deadline for the report of {unit.En} for the {period.Label(Language.En)} has passed and we still have no accepted report.");

    public static LocalizedText BeforeLead(LocalizedText unit, ReportingPeriod period) => new(
        $"{unit.Es} todavía no tiene un informe aceptado para el {period.Label(Language.Es)}.",
        $"{unit.En} has no accepted report for the {period.Label(Language.En)} yet.");

    public static LocalizedText Rejected(int uploads) => uploads == 1
        ? new("Recibimos 1 envío de este trimestre, pero no fue aceptado: su correo de resultado indica qué corregir antes de volver a subirlo.",
            "We received 1 upload for this quarter, but it was not accepted: its result e-mail says what to fix before uploading again.")
        : new($"Recibimos {Counted.Of(uploads, "envío", "envíos")} de este trimestre, pero ninguno fue aceptado: el correo de resultado de cada uno indica qué corregir antes de volver a subirlo.",
            $"We received {Counted.Of(uploads, "upload", "uploads")} for this quarter, but none was accepted: the result e-mail of each says what to fix before uploading again.");

    public static LocalizedText UploadToFolder(string folder) => new(
        $"Suba la hoja completada a la carpeta {folder} (cualquier nombre terminado en .xlsx); recibirá el resultado por correo. Si no tiene la plantilla del trimestre o acceso a la carpeta, pídalos a la Secretaría Técnica.",
        $"Upload the completed sheet to the folder {folder} (any file name ending in .xlsx); the result comes back by e-mail. If you do not have the quarter's template or access to the folder, ask the Technical Secretariat.");

    public static LocalizedText WriteToTheSecretariat(string addresses) => new(
        $"Si tiene dudas, escriba a la Secretaría Técnica: {addresses}.",
        $"If you have questions, write to the Technical Secretariat: {addresses}.");

    public static LocalizedText GoesTo(LocalizedText unit) => new(
        $"Este correo se envía a los contactos registrados de {unit.Es}.", $"This e-mail goes to the contacts registered for {unit.En}.");

    public static LocalizedText LockedSince(LocalizedText since) => new(
        $"El trimestre está cerrado para envíos desde el {since.Es}: para enviarlo, pida a la Secretaría Técnica que se lo reabra.",
        $"The quarter has been locked for uploads since {since.En}: to send it, ask the Technical Secretariat to reopen it for you.");

    public static LocalizedText LateAcceptedUntil(LocalizedText lastDay) => new(
        $"Se aceptan informes atrasados hasta el {lastDay.Es}; después el trimestre se cierra y solo la Secretaría Técnica puede reabrirlo.",
        $"Late reports are accepted until {lastDay.En}; after that the quarter is locked and only the Technical Secretariat can reopen it.");

    public static LocalizedText DaysLeft(int days) => days <= 1 ? LastDayToday : new($"Quedan {days} días, contando hoy.", $"{days} days left, counting today.");
}
