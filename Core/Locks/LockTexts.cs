using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

/// <summary>
/// The wording of locks and reopenings, one place for the CLI, the portal, the workbook's <i>Envíos</i> and
/// <i>Resumen</i>, the digest and <c>PERIOD_LOCKED</c>: dates as people read them (<see cref="DeadlineText.Date(DateTimeOffset, ReportingZone, Language)"/>).
/// </summary>
public static class LockTexts
{
    /// <summary>A reopening asked without a reason: the service's refusal and the portal form's field error say it alike.</summary>
    public static readonly LocalizedText ReasonMissing = new("Indique el motivo de la reapertura.", "Give the reason for the reopening.");

    /// <summary>"reabierto por Ana Pérez el 19 de noviembre de 2021 hasta el 26 de noviembre de 2021: «motivo»" (and how it ended, if early).</summary>
    public static string Window(ReopenWindow window, Language language)
    {
        var r = window.Reopening;
        var zone = window.Zone;
        var opened = DeadlineText.Date(r.At, zone, language);
        var last = DeadlineText.Date(window.LastDay, language);
        var ended = window.EndedBy is { } e
            ? e.Action == LockAction.Lock
                ? language == Language.En
                    ? $", locked again by {e.By} on {DeadlineText.Date(e.At, zone, language)}"
                    : $", cerrado de nuevo por {e.By} el {DeadlineText.Date(e.At, zone, language)}"
                : language == Language.En
                    ? $", replaced by another reopening on {DeadlineText.Date(e.At, zone, language)}"
                    : $", reapertura reemplazada por otra el {DeadlineText.Date(e.At, zone, language)}"
            : "";
        return language == Language.En
            ? $"reopened by {r.By} on {opened} until {last} inclusive{ended}: \"{r.Reason}\""
            : $"reabierto por {r.By} el {opened} hasta el {last}{ended}: «{r.Reason}»";
    }

    /// <summary>What an entry recorded, for a history list: "Reapertura hasta el 26 de noviembre de 2021" / "Cierre anticipado".</summary>
    /// <param name="zone">The unit's clock: the reopening's last day is read on it.</param>
    public static LocalizedText Action(LockEntry entry, ReportingZone zone) => ReopenWindow.LastDayOf(entry, zone) is { } last
        ? new($"Reapertura hasta el {DeadlineText.Date(last, Language.Es)}", $"Reopened until {DeadlineText.Date(last, Language.En)} inclusive")
        : new("Cierre anticipado de la reapertura", "Reopening ended early");

    /// <summary>
    /// "15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6; 15 días después del plazo)" or that the quarter never
    /// locks: the instant the unit's quarter locks, on its clock.
    /// </summary>
    public static LocalizedText AutomaticLock(QuarterDates dates) => dates.LocksAt is { } at
        ? new($"{DeadlineText.Date(at, dates.Zone, Language.Es)}, 00:00 ({dates.Zone.Name(at, Language.Es)}; {Grace(dates, Language.Es)})",
            $"{DeadlineText.Date(at, dates.Zone, Language.En)}, 00:00 ({dates.Zone.Name(at, Language.En)}; {Grace(dates, Language.En)})")
        : new("no se cierra (Reports__LockGraceDays = -1)", "never locks (Reports__LockGraceDays = -1)");

    /// <summary>
    /// The lock of a quarter for every unit at once (the workbook, the coalition's pages): "15 de noviembre de 2021, a las
    /// 00:00 en la hora de cada unidad (15 días después del plazo)", or that the quarter never locks.
    /// </summary>
    public static LocalizedText AutomaticLockForEveryUnit(QuarterDates dates) => dates.LockDay is { } day
        ? new($"{DeadlineText.Date(day, Language.Es)}, a las 00:00 en la hora de cada unidad ({Grace(dates, Language.Es)})",
            $"{DeadlineText.Date(day, Language.En)}, at 00:00 on each unit's own clock ({Grace(dates, Language.En)})")
        : new("no se cierra (Reports__LockGraceDays = -1)", "never locks (Reports__LockGraceDays = -1)");

    /// <summary>"el 15 de noviembre de 2021 (hora de Guatemala, UTC−6)": a day a unit's quarter locked or locks on, with its clock.</summary>
    public static string LockDay(DateTimeOffset instant, ReportingZone zone, Language language) =>
        $"{DeadlineText.Date(instant, zone, language)} ({zone.Name(instant, language)})";

    /// <summary>Whom to ask for a reopening: the ST's registered address(es), or the ST by name.</summary>
    public static string AskTheSecretariat(IReadOnlyList<string> secretariat, Language language)
    {
        var st = language == Language.En ? "the Technical Secretariat" : "la Secretaría Técnica";
        return secretariat.Count > 0 ? $"{st} ({string.Join(", ", secretariat)})" : st;
    }

    private static string Grace(QuarterDates dates, Language language)
    {
        var days = dates.LastDayBeforeLock!.Value.DayNumber - dates.LastDayToSend.DayNumber;
        return (language, days) switch
        {
            (Language.En, 0) => "at the deadline",
            (Language.En, _) => $"{days} days after the deadline",
            (_, 0) => "al vencer el plazo",
            _ => $"{days} días después del plazo",
        };
    }
}
