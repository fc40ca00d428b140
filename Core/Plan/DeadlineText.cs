using System.Globalization;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The one wording of dates and times people read — in the template, the merged workbook, the digest, the reminder
/// mails and the portal: a day as "30 de octubre de 2021" / "30 October 2021"; the last day to send
/// (<see cref="QuarterDates.LastDayToSend"/>) with the clock it ends on, "30 de octubre de 2021, hasta las 23:59 (hora
/// de Guatemala, UTC−6)"; an instant on a named clock, "30 de octubre de 2021, 19:00 (hora de Guatemala, UTC−6)".
/// Every day and time is read on a <see cref="ReportingZone"/> and names it; never a bare UTC day.
/// </summary>
public static class DeadlineText
{
    /// <summary>"Último día para enviar" / "Last day to send": the one wording of the label, wherever the day is shown.</summary>
    public static readonly LocalizedText Label = new("Último día para enviar", "Last day to send");

    /// <summary>The label inside a sentence: "último día para enviar" / "last day to send".</summary>
    public static string LabelInSentence(Language language)
    {
        var label = Label.In(language);
        return char.ToLower(label[0], language.Culture()) + label[1..];
    }

    /// <summary>A day as people read it: "30 de octubre de 2021" / "30 October 2021".</summary>
    public static string Date(DateOnly day, Language language) =>
        day.ToString(language == Language.En ? "d MMMM yyyy" : "d 'de' MMMM 'de' yyyy", language.Culture());

    /// <summary>The day <paramref name="instant"/> falls on by <paramref name="zone"/>'s clock, worded as <see cref="Date(DateOnly, Language)"/>.</summary>
    public static string Date(DateTimeOffset instant, ReportingZone zone, Language language) => Date(zone.DayOf(instant), language);

    /// <summary>"30 de octubre de 2021, 19:00 (hora de Guatemala, UTC−6)" / "30 October 2021, 19:00 (Guatemala time, UTC−6)".</summary>
    public static string DateTime(DateTimeOffset instant, ReportingZone zone, Language language)
    {
        var local = zone.Local(instant);
        return $"{Date(DateOnly.FromDateTime(local.DateTime), language)}, {local.ToString("HH:mm", CultureInfo.InvariantCulture)} ({zone.Name(instant, language)})";
    }

    /// <summary>
    /// The last moment of a day on a clock, for "until …": "26 de noviembre de 2021 a las 23:59 (hora de Guatemala,
    /// UTC−6)" / "26 November 2021 at 23:59 (Guatemala time, UTC−6)".
    /// </summary>
    public static string EndOfDay(DateOnly day, ReportingZone zone, Language language)
    {
        var lastMinute = zone.EndOf(day).AddMinutes(-1);
        return language == Language.En
            ? $"{Date(day, language)} at 23:59 ({zone.Name(lastMinute, language)})"
            : $"{Date(day, language)} a las 23:59 ({zone.Name(lastMinute, language)})";
    }

    /// <summary>
    /// The last day to send, ending on the unit's clock: "30 de octubre de 2021, hasta las 23:59 (hora de Guatemala,
    /// UTC−6)" / "30 October 2021, until 23:59 (Guatemala time, UTC−6)".
    /// </summary>
    public static string LastDayToSend(QuarterDates dates, Language language)
    {
        var lastMinute = dates.Deadline.AddMinutes(-1);
        return language == Language.En
            ? $"{Date(dates.LastDayToSend, language)}, until 23:59 ({dates.Zone.Name(lastMinute, language)})"
            : $"{Date(dates.LastDayToSend, language)}, hasta las 23:59 ({dates.Zone.Name(lastMinute, language)})";
    }

    /// <summary>"Último día para enviar: 30 de octubre de 2021, hasta las 23:59 (hora de Guatemala, UTC−6)".</summary>
    public static string Sentence(QuarterDates dates, Language language) =>
        $"{Label.In(language)}: {LastDayToSend(dates, language)}";

    /// <summary>
    /// The last day to send for every unit at once (the coalition's pages, the ST's list and the digest): the day, ending
    /// at midnight on each unit's own clock — "30 de octubre de 2021, hasta las 23:59 en la hora de cada unidad".
    /// </summary>
    public static string ForEveryUnit(DateOnly lastDayToSend, Language language) => language == Language.En
        ? $"{Date(lastDayToSend, language)}, until 23:59 on each unit's own clock"
        : $"{Date(lastDayToSend, language)}, hasta las 23:59 en la hora de cada unidad";
}
