using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

/// <summary>
/// The wording of locks and reopenings, one place for the CLI, the portal, the workbook's <i>Envíos</i> and
/// <i>Resumen</i>, the digest and <c>PERIOD_LOCKED</c>: dates as people read them (<see cref="DeadlineText.Date(DateTimeOffset, Language)"/>).
/// </summary>
public static class LockTexts
{
    /// <summary>A reopening asked without a reason: the service's refusal and the portal form's field error say it alike.</summary>
    public static readonly LocalizedText ReasonMissing = new("Indique el motivo de la reapertura.", "Give the reason for the reopening.");

    /// <summary>"reabierto por Ana Pérez el 19 de noviembre de 2021 hasta el 26 de noviembre de 2021: «motivo»" (and how it ended, if early).</summary>
    public static string Window(ReopenWindow window, Language language)
    {
        var r = window.Reopening;
        var opened = DeadlineText.Date(r.At, language);
        var last = DeadlineText.Date(window.LastDay, language);
        var ended = window.EndedBy is { } e
            ? e.Action == LockAction.Lock
                ? language == Language.En
                    ? $", locked again by {e.By} on {DeadlineText.Date(e.At, language)}"
                    : $", cerrado de nuevo por {e.By} el {DeadlineText.Date(e.At, language)}"
                : language == Language.En
                    ? $", replaced by another reopening on {DeadlineText.Date(e.At, language)}"
                    : $", reapertura reemplazada por otra el {DeadlineText.Date(e.At, language)}"
            : "";
        return language == Language.En
            ? $"reopened by {r.By} on {opened} until {last}{ended}: «{r.Reason}»"
            : $"reabierto por {r.By} el {opened} hasta el {last}{ended}: «{r.Reason}»";
    }

    /// <summary>What an entry recorded, for a history list: "Reapertura hasta el 26 de noviembre de 2021" / "Cierre anticipado".</summary>
    public static LocalizedText Action(LockEntry entry) => entry.Action == LockAction.Reopen
        ? new($"Reapertura hasta el {DeadlineText.Date(LastDay(entry), Language.Es)}", $"Reopened until {DeadlineText.Date(LastDay(entry), Language.En)}")
        : new("Cierre anticipado de la reapertura", "Reopening ended early");

    /// <summary>"15 de noviembre de 2021 (15 días después del plazo)" or that the quarter never locks.</summary>
    public static LocalizedText AutomaticLock(DateTimeOffset deadline, DateTimeOffset? locksAt) => locksAt is { } at
        ? new($"{DeadlineText.Date(at, Language.Es)} ({Grace(deadline, at, Language.Es)})", $"{DeadlineText.Date(at, Language.En)} ({Grace(deadline, at, Language.En)})")
        : new("no se cierra (Reports__LockGraceDays = -1)", "never locks (Reports__LockGraceDays = -1)");

    /// <summary>Whom to ask for a reopening: the ST's registered address(es), or the ST by name.</summary>
    public static string AskTheSecretariat(IReadOnlyList<string> secretariat, Language language)
    {
        var st = language == Language.En ? "the Technical Secretariat" : "la Secretaría Técnica";
        return secretariat.Count > 0 ? $"{st} ({string.Join(", ", secretariat)})" : st;
    }

    private static DateOnly LastDay(LockEntry entry) => DateOnly.FromDateTime((entry.Until ?? entry.At).UtcDateTime).AddDays(-1);

    private static string Grace(DateTimeOffset deadline, DateTimeOffset locksAt, Language language)
    {
        var days = (int)Math.Round((locksAt - deadline).TotalDays);
        return (language, days) switch
        {
            (Language.En, 0) => "at the deadline",
            (Language.En, _) => $"{days} days after the deadline",
            (_, 0) => "al vencer el plazo",
            _ => $"{days} días después del plazo",
        };
    }
}
