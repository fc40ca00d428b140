using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The words of the follow-up mails as the pages show them: to a focal point, what its unit was sent; to the ST's
/// board, every unit's mails and the weekly lists.
/// </summary>
public static class RemindersTexts
{
    public static readonly LocalizedText LateNotice = new("Aviso de retraso", "Late notice");
    public static readonly LocalizedText WeeklyList = new("Lista semanal de la ST", "The ST's weekly list");
    public static readonly LocalizedText NoneToUnit = new(
        "Ninguno. Mientras la unidad no tenga un informe aceptado, se le recuerda el plazo antes de que venza y se le avisa una vez si vence sin informe.",
        "None. While the unit has no accepted report, it is reminded before the deadline and told once if the deadline passes without one.");
    public static readonly LocalizedText Heading = new("Recordatorios", "Reminders");
    public static readonly LocalizedText WindowsLead = new(
        "Ventanas de este trimestre, en días de la hora de la Coalición (se envía a las unidades sin informe aceptado; cada una cuenta los días en su propia hora):",
        "This quarter's windows, in days on the Coalition's clock (sent to units without an accepted report; each counts the days on its own clock):");
    public static readonly LocalizedText NothingSent = new("No se envió ningún recordatorio ni aviso de este trimestre.", "No reminder or late notice was sent for this quarter.");
    public static readonly LocalizedText PerUnitCaption = new("Recordatorios y avisos por unidad", "Reminders and late notices per unit");
    public static readonly LocalizedText Unit = new("Unidad", "Unit");
    public static readonly LocalizedText Sent = new("Enviado", "Sent");
    public static readonly LocalizedText UnitsNotListed = new(
        "Las unidades que no aparecen no recibieron nada: tenían un informe aceptado, estaban exentas o no había vencido ninguna ventana.",
        "Units not listed were sent nothing: they had an accepted report, were exempt, or no window had come.");
    public static readonly LocalizedText NoWeeklyList = new("Ninguna lista semanal cubrió este trimestre.", "No weekly list covered this quarter.");
    public static readonly LocalizedText WeeklyListsCaption = new("Listas semanales de la ST", "The ST's weekly lists");
    public static readonly LocalizedText Week = new("Semana", "Week");
    public static readonly LocalizedText ListSent = new("Enviada", "Sent");
    public static readonly LocalizedText OneContact = new("1 contacto registrado", "1 registered contact");

    public static LocalizedText Before(string days) => new($"Recordatorio, {days} días antes del plazo", $"Reminder, {days} days before the deadline");

    /// <summary>"del 17 de octubre de 2021 al 28 de octubre de 2021".</summary>
    public static LocalizedText Window(LocalizedText opens, LocalizedText closes) => new($"del {opens.Es} al {closes.Es}", $"from {opens.En} to {closes.En}");

    public static LocalizedText SentOn(LocalizedText kind, LocalizedText at, LocalizedText recipients) =>
        new($"{kind.Es}: enviado el {at.Es} a {recipients.Es}.", $"{kind.En}: sent on {at.En} to {recipients.En}.");

    public static LocalizedText SentTo(LocalizedText at, LocalizedText recipients) => new($"{at.Es}, a {recipients.Es}", $"{at.En}, to {recipients.En}");

    public static LocalizedText Failed(LocalizedText at) =>
        new($"falló ({at.Es}); se intenta de nuevo en la próxima ejecución", $"failed ({at.En}); retried at the next run");

    public static LocalizedText Cancelled(LocalizedText at) =>
        new($"no enviado: llegó un informe aceptado ({at.Es})", $"not sent: an accepted report arrived ({at.En})");

    public static LocalizedText BeingSent(LocalizedText at) => new($"en envío desde {at.Es}", $"being sent since {at.En}");

    public static LocalizedText Contacts(int count) => count == 1 ? OneContact : new($"{count} contactos registrados", $"{count} registered contacts");

    public static LocalizedText MissingIn(ReportingPeriod period) => new($"Faltaban ({period.Label(Language.Es)})", $"Missing ({period.Label(Language.En)})");
}
