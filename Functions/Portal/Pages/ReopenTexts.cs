using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the ST's reopen and lock forms on the board.</summary>
public static class ReopenTexts
{
    public static LocalizedText DaysWrong(int max) => new(
        $"Indique los días de la reapertura: un número entero de 1 a {max}.",
        $"Enter the days of the reopening: a whole number from 1 to {max}.");

    public static LocalizedText ReasonTooLong(int max, int length) => new(
        $"El motivo puede tener hasta {max} caracteres; tiene {length}.",
        $"The reason can be up to {max} characters long; it has {length}.");

    public static readonly LocalizedText ThereIsAProblem = new("Hay un problema", "There is a problem");
    public static readonly LocalizedText Heading = new("Reabrir para una unidad", "Reopen for a unit");
    public static readonly LocalizedText NeverLocks = new(
        "Los trimestres no se cierran (Reports__LockGraceDays = -1): no hay nada que reabrir.",
        "Quarters never lock (Reports__LockGraceDays = -1): there is nothing to reopen.");

    public static LocalizedText NotLockedYet(LocalizedText day) => new(
        $"Este trimestre se cierra el {day.Es}, a las 00:00 en la hora de cada unidad; hasta entonces acepta los informes de todas las unidades y no hace falta reabrirlo.",
        $"This quarter locks on {day.En}, at 00:00 on each unit's own clock; until then it accepts every unit's reports and needs no reopening.");

    public static LocalizedText Explanation(int maxDays) => new(
        $"Una reapertura deja a la unidad enviar su informe desde ahora hasta el final del último día indicado (hasta {maxDays} días). Queda registrado quién, cuándo y por qué, y se muestra a la unidad, en el libro consolidado y aquí.",
        $"A reopening lets the unit send its report from now to the end of the last day given (up to {maxDays} days). Who, when and why are recorded and shown to the unit, in the merged workbook and here.");

    public static LocalizedText ReopenedUntil(LocalizedText endOfDay) => new($"reabierto hasta el {endOfDay.Es}", $"reopened until {endOfDay.En}");

    public static readonly LocalizedText Locked = new("cerrado", "locked");
    public static readonly LocalizedText Days = new("Días", "Days");

    public static LocalizedText DaysHint(int maxDays, LocalizedText unitName, LocalizedText zone) => new(
        $"El resto de hoy y este número de días más (1 a {maxDays}), hasta la medianoche en la hora de {unitName.Es} ({zone.Es}).",
        $"The rest of today and this many more days (1 to {maxDays}), until midnight {unitName.En} time ({zone.En}).");

    public static readonly LocalizedText Reason = new("Motivo", "Reason");

    public static LocalizedText ReasonHint(int maxChars) => new(
        $"Se registra y se muestra a la unidad. Hasta {maxChars} caracteres.", $"It is recorded and shown to the unit. Up to {maxChars} characters.");

    public static LocalizedText ReopenFor(string unit) => new($"Reabrir para {unit}", $"Reopen for {unit}");

    public static LocalizedText ReopenAgainFor(string unit) => new($"Reabrir de nuevo para {unit}", $"Reopen again for {unit}");

    public static readonly LocalizedText LockReason = new("Motivo del cierre (opcional)", "Reason for locking (optional)");
    public static readonly LocalizedText LockHint = new("Termina la reapertura ahora, antes de su último día.", "Ends the reopening now, before its last day.");

    public static LocalizedText LockNowFor(string unit) => new($"Cerrar ahora para {unit}", $"Lock now for {unit}");

    public static readonly LocalizedText ErrorPrefix = new("Error:", "Error:");
}
