using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the as-of page (the form in front of <c>…/workbook?asOf=</c>); its problems are <c>AsOfDateTexts</c> in Core.</summary>
public static class AsOfTexts
{
    public static readonly LocalizedText Title = new("Libro consolidado de una fecha pasada", "Merged workbook as of a past date");
    public static readonly LocalizedText NavLink = new("Libro consolidado de una fecha pasada", "Merged workbook as of a past date");
    public static readonly LocalizedText ErrorPrefix = new("Error:", "Error:");
    public static readonly LocalizedText ThereIsAProblem = new("Hay un problema", "There is a problem");

    public static readonly LocalizedText Lead = new(
        "Descargue el libro consolidado tal como estaba en una fecha y hora: lo vigente entonces, reconstruido del historial de envíos, nada de lo que llegó después. Por ejemplo, el día en que salió un resumen para la Presidencia.",
        "Download the merged workbook as it was at a date and time: what was current then, rebuilt from the submission history, nothing that arrived later. For example, the day a Presidency digest went out.");

    /// <summary>The clock the form is typed on, named.</summary>
    public static LocalizedText Clock(LocalizedText zone) => new(
        $"Escriba la fecha y la hora en la hora de la coalición: {zone.Es}.",
        $"Enter the date and time on the coalition's clock: {zone.En}.");

    /// <summary>Where the quarter's record begins, so people know what they can ask for.</summary>
    public static LocalizedText Begins(LocalizedText first) => new(
        $"El libro de este trimestre empieza el {first.Es}, cuando se aceptó su primer informe.",
        $"This quarter's workbook begins on {first.En}, when its first report was accepted.");

    public static readonly LocalizedText DateLegend = new("Fecha", "Date");
    public static readonly LocalizedText DateHint = new("Por ejemplo, 15 11 2021", "For example, 15 11 2021");
    public static readonly LocalizedText Day = new("Día", "Day");
    public static readonly LocalizedText Month = new("Mes", "Month");
    public static readonly LocalizedText Year = new("Año", "Year");

    /// <summary>The time is optional; its zone is named where it is typed.</summary>
    public static LocalizedText TimeLegend(LocalizedText zone) => new($"Hora (opcional; {zone.Es})", $"Time (optional; {zone.En})");

    public static readonly LocalizedText TimeHint = new(
        "De 0 a 23 horas, por ejemplo 14 30. Sin hora, el libro queda como estaba al terminar ese día (si es hoy, como está ahora).",
        "From 0 to 23 hours, for example 14 30. With no time, the workbook is as it was at the end of that day (today: as it is now).");

    public static readonly LocalizedText Hour = new("Hora", "Hour");
    public static readonly LocalizedText Minute = new("Minutos", "Minutes");
    public static readonly LocalizedText Download = new("Descargar el libro de esa fecha (.xlsx)", "Download the workbook as of then (.xlsx)");

    public static readonly LocalizedText ForScripts = new("Para programas y scripts", "For programs and scripts");

    /// <summary>The interface scripts use, unchanged: an ISO 8601 instant.</summary>
    public static LocalizedText ScriptsExplanation(string example) => new(
        $"La misma descarga responde a {example}: un instante ISO 8601, en UTC cuando no lleva desfase.",
        $"The same download answers {example}: an ISO 8601 instant, in UTC when it carries no offset.");
}
