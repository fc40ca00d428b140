using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>The as-of form's problems (<see cref="AsOfDateInput"/>), each saying what to do: Spanish first, English.</summary>
public static class AsOfDateTexts
{
    public static readonly LocalizedText DateMissing = new(
        "Escriba la fecha: día, mes y año en números, p. ej. 15 11 2021.",
        "Enter the date: day, month and year as numbers, for example 15 11 2021.");

    /// <summary>"La fecha debe incluir el mes y el año": the parts left empty, named.</summary>
    public static LocalizedText DateMustInclude(IReadOnlyList<AsOfPart> missing) => new(
        $"La fecha debe incluir {Join(missing.Select(p => p switch { AsOfPart.Day => "el día", AsOfPart.Month => "el mes", _ => "el año" }), " y ")}: {(missing.Count > 1 ? "escríbalos" : "escríbalo")} en números, p. ej. 15 11 2021.",
        $"The date must include {Join(missing.Select(p => p switch { AsOfPart.Day => "a day", AsOfPart.Month => "a month", _ => "a year" }), " and ")}: write {(missing.Count > 1 ? "them" : "it")} as numbers, for example 15 11 2021.");

    public static readonly LocalizedText DayWrong = new(
        "Escriba el día como un número del 1 al 31, p. ej. 15.",
        "Enter the day as a number from 1 to 31, for example 15.");

    public static readonly LocalizedText MonthWrong = new(
        "Escriba el mes como un número del 1 al 12, p. ej. 11 para noviembre.",
        "Enter the month as a number from 1 to 12, for example 11 for November.");

    public static readonly LocalizedText YearWrong = new(
        "Escriba el año con sus 4 cifras, p. ej. 2021.",
        "Enter the year with all 4 digits, for example 2021.");

    /// <summary>31 February: the month and how many days it has.</summary>
    public static LocalizedText NotARealDate(int day, int month, int year, int daysInMonth)
    {
        var first = new DateOnly(year, month, 1);
        var es = first.ToString("MMMM 'de' yyyy", Language.Es.Culture());
        var en = first.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return new(
            $"El día {day} no existe en {es}, que tiene {daysInMonth} días: escriba una fecha real, p. ej. {daysInMonth} {month} {year}.",
            $"Day {day} does not exist in {en}, which has {daysInMonth} days: enter a real date, for example {daysInMonth} {month} {year}.");
    }

    public static readonly LocalizedText HourMissing = new(
        "Escriba también la hora (de 0 a 23), o deje vacíos la hora y los minutos.",
        "Enter the hour too (0 to 23), or leave both the hour and the minutes empty.");

    public static readonly LocalizedText HourWrong = new(
        "Escriba la hora como un número de 0 a 23, p. ej. 14 para las dos de la tarde.",
        "Enter the hour as a number from 0 to 23, for example 14 for 2 pm.");

    public static readonly LocalizedText MinuteWrong = new(
        "Escriba los minutos como un número de 0 a 59, p. ej. 30, o déjelos vacíos para la hora en punto.",
        "Enter the minutes as a number from 0 to 59, for example 30, or leave them empty for the hour exactly.");

    /// <summary>A local time the clocks skipped (daylight saving begins): the jump, and what to type instead.</summary>
    public static LocalizedText Skipped(TimeOnly typed, DateOnly day, TimeOnly from, TimeOnly to, LocalizedText place) => new(
        $"Las {Clock(typed)} del {DeadlineText.Date(day, Language.Es)} no existieron en la hora de {place.Es}: ese día el reloj pasó de las {Clock(from)} a las {Clock(to)}. Escriba una hora anterior o posterior al cambio.",
        $"{Clock(typed)} on {DeadlineText.Date(day, Language.En)} did not happen in {place.En} time: that day the clocks went from {Clock(from)} to {Clock(to)}. Enter a time before or after the change.");

    /// <summary>A day after today: it has no record yet.</summary>
    public static LocalizedText DayToCome(DateOnly day, ReportingZone zone, DateTimeOffset now) => new(
        $"El {DeadlineText.Date(day, Language.Es)} todavía no ha llegado: escriba una fecha pasada o la de hoy; ahora es el {DeadlineText.DateTime(now, zone, Language.Es)}.",
        $"{DeadlineText.Date(day, Language.En)} has not come yet: enter a past date or today's; it is now {DeadlineText.DateTime(now, zone, Language.En)}.");

    /// <summary>An instant still to come (today, later than now).</summary>
    public static LocalizedText InstantToCome(DateTimeOffset at, ReportingZone zone, DateTimeOffset now) => new(
        $"El {DeadlineText.DateTime(at, zone, Language.Es)} todavía no ha llegado: escriba una fecha y hora pasadas; ahora es el {DeadlineText.DateTime(now, zone, Language.Es)}.",
        $"{DeadlineText.DateTime(at, zone, Language.En)} has not come yet: enter a past date and time; it is now {DeadlineText.DateTime(now, zone, Language.En)}.");

    /// <summary>Before the quarter's first accepted report: the first minute the workbook exists.</summary>
    public static LocalizedText BeforeStart(DateTimeOffset first, ReportingZone zone) => new(
        $"El libro consolidado de este trimestre empieza el {DeadlineText.DateTime(first, zone, Language.Es)}, cuando se aceptó su primer informe: escriba esa fecha y hora o una posterior.",
        $"This quarter's merged workbook begins on {DeadlineText.DateTime(first, zone, Language.En)}, when its first report was accepted: enter that date and time or a later one.");

    public static readonly LocalizedText NothingAccepted = new(
        "Todavía no se ha aceptado ningún informe de este trimestre, así que no hay libro consolidado de ninguna fecha: vuelva cuando alguna unidad haya enviado el suyo.",
        "No report for this quarter has been accepted yet, so there is no merged workbook as of any date: come back once a unit has sent its report.");

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> parts, string and)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + and + list[^1];
    }
}
