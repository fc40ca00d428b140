using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>Dates and numbers as the pages write them, in the page's language (status tags are components: <see cref="QuarterStateTags"/>, <see cref="SubmissionStatusTag"/>, <c>StatusTag</c>).</summary>
public static class PortalFormat
{
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
        ? v.ToString("0.#", language.Culture()) + " %"
        : "—";

    /// <summary>"3.er trimestre de 2021" / "3rd quarter of 2021": the one label of a period (<see cref="PeriodLabel"/>).</summary>
    public static string Quarter(ReportingPeriod period, Language language) => period.Label(language);

    /// <summary>
    /// "3.er trimestre de 2021 (2021-Q3)": a stored period key worded, with the key that logs, alerts and
    /// <c>serverlessplan status --json</c> use beside it (the operations page is read next to them); a key that is
    /// not a period is shown as it is, and none as "—".
    /// </summary>
    public static string QuarterWithKey(string? key, Language language) =>
        string.IsNullOrEmpty(key) ? "—" : ReportingPeriod.TryParse(key, out var period) ? $"{period.Label(language)} ({period})" : key;

    /// <summary>"Falló (Failed)" / "Failed": a word for a code, with the code beside it unless the word is the code.</summary>
    public static string WordWithCode(string word, string code) =>
        string.Equals(word, code, StringComparison.Ordinal) ? word : $"{word} ({code})";

    public static string Bytes(long bytes, Language language) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0", language.Culture()) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", language.Culture()) + " MB",
    };
}
