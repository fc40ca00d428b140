using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>Dates, numbers and status tags as the pages write them, in the page's language.</summary>
public static class PortalFormat
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(Language language) => language == Language.En ? English : Spanish;

    /// <summary>"31 de octubre de 2021" / "31 October 2021": the day of an instant on <paramref name="zone"/>'s clock, in the one wording of a date (<see cref="DeadlineText"/>).</summary>
    public static string Date(DateTimeOffset? at, ReportingZone zone, Language language) => at is { } value ? DeadlineText.Date(value, zone, language) : "—";

    /// <summary>A day, such as a last day to send, in the one wording of dates (<see cref="DeadlineText"/>).</summary>
    public static string Day(DateOnly day, Language language) => DeadlineText.Date(day, language);

    /// <summary>"31 de octubre de 2021, 08:05 (hora de Guatemala, UTC−6)": an instant on the reader's clock, named (<see cref="DeadlineText.DateTime"/>).</summary>
    public static string DateTime(DateTimeOffset? at, ReportingZone zone, Language language) => at is { } value
        ? DeadlineText.DateTime(value, zone, language)
        : "—";

    /// <summary>"31 de octubre de 2021, 14:05 UTC": an instant in UTC, named, for the operations page (not a unit's or the coalition's page).</summary>
    public static string DateTime(DateTimeOffset? at, Language language) => at is { } value
        ? $"{DeadlineText.Date(value, ReportingZone.Utc, language)}, {value.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC"
        : "—";

    /// <summary>"30 de octubre de 2021, hasta las 23:59 (hora de Guatemala, UTC−6)": a unit's last day to send on its clock.</summary>
    public static string LastDayToSend(QuarterDates dates, Language language) => DeadlineText.LastDayToSend(dates, language);

    /// <summary>"14 de noviembre de 2021 a las 23:59 (hora de Guatemala, UTC−6)": the end of a day on a clock.</summary>
    public static string EndOfDay(DateOnly day, ReportingZone zone, Language language) => DeadlineText.EndOfDay(day, zone, language);

    public static string Percent(double? value, Language language) => value is { } v
        ? v.ToString("0.#", Culture(language)) + " %"
        : "—";

    /// <summary>"3.er trimestre de 2021" / "3rd quarter of 2021": the one label of a period (<see cref="PeriodLabel"/>).</summary>
    public static string Quarter(ReportingPeriod period, Language language) => period.Label(language);

    public static Html Tag(string text, string colour) => Html.Of($"""<strong class="tag tag--{colour}">{text}</strong>""");

    public static Html Tag(QuarterState state, Language language) => state switch
    {
        QuarterState.NotOpen => Tag(T(language, "Todavía no abre", "Not open yet"), "grey"),
        QuarterState.NotStarted => Tag(T(language, "No iniciado", "Not started"), "grey"),
        QuarterState.Processing => Tag(T(language, "En proceso", "Processing"), "blue"),
        QuarterState.Rejected => Tag(T(language, "Rechazado", "Rejected"), "red"),
        QuarterState.AcceptedOnTime => Tag(T(language, "Aceptado a tiempo", "Accepted on time"), "green"),
        _ => Tag(T(language, "Aceptado tarde", "Accepted late"), "orange"),
    };

    /// <summary>
    /// A quarter's status as the board says it (<see cref="BoardPage"/>): its state, and <i>en proceso</i> beside it when
    /// a sheet is being processed after a verdict (the state alone says so when nothing else was decided).
    /// </summary>
    public static Html Tags(UnitQuarter quarter, Language language) =>
        quarter.Processing && quarter.State is not (QuarterState.Processing or QuarterState.NotOpen)
            ? Html.Of($"{Tag(quarter.State, language)} {Tag(QuarterState.Processing, language)}")
            : Tag(quarter.State, language);

    public static Html Tag(SubmissionStatus status, Language language) => status switch
    {
        SubmissionStatus.Current => Tag(T(language, "Vigente", "Current"), "green"),
        SubmissionStatus.Superseded => Tag(T(language, "Reemplazado", "Superseded"), "grey"),
        SubmissionStatus.Rejected => Tag(T(language, "Rechazado", "Rejected"), "red"),
        _ => Tag(T(language, "En proceso", "Processing"), "blue"),
    };

    public static Html Tag(SubmissionTimeliness timeliness, Language language) => timeliness switch
    {
        SubmissionTimeliness.OnTime => Tag(T(language, "A tiempo", "On time"), "green"),
        SubmissionTimeliness.Late => Tag(T(language, "Tarde", "Late"), "orange"),
        SubmissionTimeliness.RejectedOnly => Tag(T(language, "Solo rechazadas", "Rejected only"), "red"),
        _ => Tag(T(language, "Falta", "Missing"), "grey"),
    };

    public static string T(Language language, string es, string en) => language == Language.En ? en : es;

    public static string Bytes(long bytes, Language language) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0", Culture(language)) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", Culture(language)) + " MB",
    };
}
