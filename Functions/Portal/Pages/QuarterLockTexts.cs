using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The words of a unit's quarter lock state on the focal point's pages and the ST's board. Reopenings themselves are
/// worded by <see cref="Core.Locks.LockTexts.Window"/>, as everywhere else (CLI, workbook, digest).
/// </summary>
public static class QuarterLockTexts
{
    public static readonly LocalizedText Locked = new("Cerrado", "Locked");
    public static readonly LocalizedText Reopened = new("Reabierto", "Reopened");
    public static readonly LocalizedText NeverLocks = new("No se cierra", "Never locks");
    public static readonly LocalizedText NeverLocksSentence = new(
        "No se cierra: se aceptan informes en cualquier momento (después del último día para enviar, como tarde).",
        "Never locks: reports are accepted at any time (after the last day to send, as late).");
    public static readonly LocalizedText ReceivedAfterLock = new("Recibido tras el cierre", "Received after the lock");
    public static readonly LocalizedText NoReopeningOnRecord = new("Sin reapertura registrada", "No reopening on record");
    public static readonly LocalizedText TheSecretariat = new("la Secretaría Técnica", "the Technical Secretariat");

    public static LocalizedText AcceptsUntil(LocalizedText endOfDay) =>
        new($"Acepta informes hasta el {endOfDay.Es}.", $"It accepts reports until {endOfDay.En}.");

    /// <summary>After the tag "Cerrado" (so the state is said once): "desde el …: ya no se aceptan informes …".</summary>
    public static LocalizedText LockedSince(LocalizedText since) => new(
        $"desde el {since.Es}: ya no se aceptan informes y las cifras enviadas no cambian. Para enviar, pida una reapertura a",
        $"since {since.En}: reports are no longer accepted and the figures already sent do not change. To send, ask for a reopening from");

    public static LocalizedText LocksOnSentence(LocalizedText day, LocalizedText lastDay) => new(
        $"Se cierra el {day.Es}: hasta el {lastDay.Es} se aceptan informes; después, solo si la Secretaría Técnica lo reabre.",
        $"Locks on {day.En}: reports are accepted until {lastDay.En}; after that, only if the Technical Secretariat reopens it.");

    public static LocalizedText Since(LocalizedText at) => new($"desde el {at.Es}", $"since {at.En}");

    public static LocalizedText ReopenedUntil(LocalizedText day) => new($"Reabierto hasta el {day.Es}", $"Reopened until {day.En}");

    /// <summary>"Se cierra el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6)": the instant, on the unit's clock.</summary>
    public static LocalizedText LocksOn(LocalizedText at) => new($"Se cierra el {at.Es}", $"Locks on {at.En}");

    /// <summary>A reopening as <see cref="Core.Locks.LockTexts.Window"/> words it, starting with a capital (a sentence of its own).</summary>
    public static LocalizedText Window(Core.Locks.ReopenWindow window) =>
        LocalizedText.Of(l => Capitalized(Core.Locks.LockTexts.Window(window, l)));

    /// <summary>
    /// A reopening after the tag "Reabierto" (so the state is said once): <see cref="Core.Locks.LockTexts.Window"/>'s words
    /// without their first one, "reabierto"/"reopened" ("por Ana Pérez el … hasta el …: «motivo»").
    /// </summary>
    public static LocalizedText WindowAfterTag(Core.Locks.ReopenWindow window) => LocalizedText.Of(l =>
    {
        var words = Core.Locks.LockTexts.Window(window, l);
        var space = words.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? words : words[(space + 1)..];
    });

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
