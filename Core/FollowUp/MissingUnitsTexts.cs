using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>The words of the ST's weekly list of units still missing (<see cref="MissingUnitsMail"/>).</summary>
public static class MissingUnitsTexts
{
    public static readonly LocalizedText NoUnitMissing = new("No falta ninguna unidad.", "No unit is missing.");
    public static readonly LocalizedText Board = new("Tablero del trimestre: ", "The quarter's board: ");
    public static readonly LocalizedText HowItGoes = new(
        "Cada unidad sin informe aceptado recibe los recordatorios antes del plazo y un aviso de atraso, una sola vez cada uno; esta lista se envía una vez por semana mientras falte alguna unidad.",
        "Each unit without an accepted report gets the reminders before the deadline and one late notice, each only once; this list goes out once a week while any unit is missing.");
    public static readonly LocalizedText LastDayToday = new("Hoy es el último día.", "Today is the last day.");
    public static readonly LocalizedText NothingUploaded = new("sin envíos.", "nothing uploaded.");
    public static readonly LocalizedText Exempt = new("Exenta de recordatorios.", "Exempt from reminders.");
    public static readonly LocalizedText None = new("ninguno", "none");
    public static readonly LocalizedText NoContact = new("Sin contacto registrado: no recibe avisos.", "No registered contact: it gets no notices.");
    public static readonly LocalizedText LateNotice = new("aviso de atraso", "late notice");

    public static LocalizedText Subject(string week, int missing) => new(
        $"[ServerlessPlan] Informes pendientes — semana {week} ({missing})", $"[ServerlessPlan] Missing reports — week {week} ({missing})");

    public static LocalizedText AsOf(LocalizedText at) => new(
        $"Unidades que todavía no tienen un informe aceptado, al {at.Es}.", $"Units still without an accepted report, as of {at.En}.");

    public static LocalizedText Filed(ReportingPeriod period, int filed, int units) => new(
        $"{period.Label(Language.Es)}: {Counted.Form(filed, "presentó", "presentaron")} {filed} de {units} unidades", $"{period.Label(Language.En)}: {filed} of {units} units filed");

    public static LocalizedText Overdue(int days) => new($"Venció hace {Counted.Of(days, "día", "días")}.", $"Overdue by {Counted.Of(days, "day", "days")}.");

    public static LocalizedText DaysLeft(int days) => new($"{Counted.Form(days, "Queda", "Quedan")} {Counted.Of(days, "día", "días")}, contando hoy.", $"{Counted.Of(days, "day", "days")} left, counting today.");

    public static LocalizedText Rejected(int uploads) => new($"{Counted.Of(uploads, "envío rechazado", "envíos rechazados")}, ninguno aceptado.",
        $"{Counted.Of(uploads, "upload", "uploads")} rejected, none accepted.");

    public static LocalizedText NoticesSent(LocalizedText reminded) => new($"Avisos enviados: {reminded.Es}.", $"Notices sent: {reminded.En}.");

    public static LocalizedText DaysBefore(string days) => new($"{days} días antes", $"{days} days before");
}
