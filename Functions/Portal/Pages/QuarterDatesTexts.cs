using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The words of <see cref="QuarterDatesExplained"/>: a quarter's last day to send and its lock, said together. Days come
/// worded (<see cref="Core.Plan.DeadlineText"/>), the zone named once after the first day (again after the last late day
/// only when its offset differs).
/// </summary>
public static class QuarterDatesTexts
{
    /// <summary>"Último día para enviar: 30 de octubre de 2021 inclusive (hora de Guatemala, UTC−6)."</summary>
    public static LocalizedText LastDay(LocalizedText label, LocalizedText day, LocalizedText zone) =>
        new($"{label.Es}: {day.Es} inclusive ({zone.Es}).", $"{label.En}: {day.En} inclusive ({zone.En}).");

    /// <summary>The same, once the day is over: "…: 30 de octubre de 2021 inclusive (…); ya pasó."</summary>
    public static LocalizedText LastDayPassed(LocalizedText label, LocalizedText day, LocalizedText zone) =>
        new($"{label.Es}: {day.Es} inclusive ({zone.Es}); ya pasó.", $"{label.En}: {day.En} inclusive ({zone.En}); it has passed.");

    /// <summary>Before the deadline, with late days before the lock.</summary>
    public static LocalizedText ThenLateThenLocked(LocalizedText lastLateDay, LocalizedText lockDay) => new(
        $"Después, y hasta el {lastLateDay.Es} inclusive, el envío se registra como tardío; desde el {lockDay.Es}, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.",
        $"After that, and until {lastLateDay.En} inclusive, a report is recorded as late; from {lockDay.En}, the quarter is locked and only the Technical Secretariat can reopen it.");

    /// <summary>In the late days: the deadline has passed, the lock has not come.</summary>
    public static LocalizedText LateNowThenLocked(LocalizedText lastLateDay, LocalizedText lockDay) => new(
        $"Hasta el {lastLateDay.Es} inclusive, un envío se registra como tardío; desde el {lockDay.Es}, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.",
        $"Until {lastLateDay.En} inclusive, a report is recorded as late; from {lockDay.En}, the quarter is locked and only the Technical Secretariat can reopen it.");

    /// <summary>After the lock, with late days that were.</summary>
    public static LocalizedText WasLateThenLocked(LocalizedText lastLateDay, LocalizedText lockDay) => new(
        $"Los envíos tardíos se aceptaron hasta el {lastLateDay.Es} inclusive; desde el {lockDay.Es}, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.",
        $"Late reports were accepted until {lastLateDay.En} inclusive; from {lockDay.En}, the quarter is locked and only the Technical Secretariat can reopen it.");

    /// <summary>A quarter that locks at its deadline (<c>Reports__LockGraceDays</c> 0): no late days.</summary>
    public static LocalizedText LockedFrom(LocalizedText lockDay) => new(
        $"Desde el {lockDay.Es}, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.",
        $"From {lockDay.En}, the quarter is locked and only the Technical Secretariat can reopen it.");

    /// <summary>A quarter that never locks (<c>Reports__LockGraceDays</c> −1), before its deadline.</summary>
    public static readonly LocalizedText ThenLateNeverLocks = new(
        "Después, el envío se registra como tardío; este trimestre no se cierra.",
        "After that, a report is recorded as late; this quarter never locks.");

    /// <summary>A quarter that never locks, after its deadline.</summary>
    public static readonly LocalizedText LateNowNeverLocks = new(
        "Un envío ahora se registra como tardío; este trimestre no se cierra.",
        "A report sent now is recorded as late; this quarter never locks.");

    /// <summary>The zone again after the last late day, when its offset is not the deadline's (a daylight-saving change between them).</summary>
    public static LocalizedText DayIn(LocalizedText day, LocalizedText zone) => new($"{day.Es} ({zone.Es})", $"{day.En} ({zone.En})");
}
