using System.Globalization;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The one wording of a quarter's deadline that people read — in the template, the merged workbook, the digest and
/// the reminder mails: the <b>last day to send</b> (<see cref="ReportingCalendar.LastDayToSend"/>) as a date in the
/// reader's language, "30 de octubre de 2021" / "30 October 2021". Never the instant from which an upload is late
/// ("2021-10-31 00:00 UTC"): that is how the system judges, not how a person plans.
/// </summary>
public static class DeadlineText
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    /// <summary>The last day to send <paramref name="period"/>'s sheet: "30 de octubre de 2021" / "30 October 2021".</summary>
    /// <param name="deadlineDays"><c>Reports__DeadlineDays</c> (<see cref="Reports.ReportingOptions.DeadlineDays"/>).</param>
    public static string For(ReportingPeriod period, int deadlineDays, Language language) =>
        Date(ReportingCalendar.LastDayToSend(period, deadlineDays), language);

    /// <summary>The last day to send <paramref name="period"/>'s sheet by <paramref name="calendar"/>'s deadline days, worded.</summary>
    public static string For(ReportingCalendar calendar, ReportingPeriod period, Language language) =>
        Date(DateOnly.FromDateTime(calendar.Deadline(period).UtcDateTime).AddDays(-1), language);

    /// <summary>"Último día para enviar: 30 de octubre de 2021" / "Last day to send: 30 October 2021".</summary>
    public static string Sentence(ReportingPeriod period, int deadlineDays, Language language) =>
        (language == Language.En ? "Last day to send: " : "Último día para enviar: ") + For(period, deadlineDays, language);

    /// <summary>A day as people read it: "30 de octubre de 2021" / "30 October 2021".</summary>
    public static string Date(DateOnly day, Language language) => language == Language.En
        ? day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : day.ToString("d 'de' MMMM 'de' yyyy", Spanish);

    /// <summary>The UTC day of an instant, worded as <see cref="Date(DateOnly, Language)"/>.</summary>
    public static string Date(DateTimeOffset instant, Language language) => Date(DateOnly.FromDateTime(instant.UtcDateTime), language);
}
