namespace ServerlessPlan.Core.Localization;

/// <summary>
/// Names joined as a sentence lists them ("Panamá", "Panamá y Belice", "Guatemala, Honduras y Panamá"; "… and …" in
/// English), and the verb that agrees with them ("falta Panamá" / "faltan Panamá y Belice").
/// </summary>
public static class NameList
{
    /// <summary>"a", "a y b", "a, b y c" / "a and b"; "" for none. Spanish writes "e" before a name sounding "i" ("Nicaragua e Italia").</summary>
    public static string Join(IReadOnlyList<string> items, Language language)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count <= 1) return items.Count == 0 ? "" : items[0];
        var and = language == Language.En ? " and " : SoundsLikeI(items[^1]) ? " e " : " y ";
        return string.Join(", ", items.Take(items.Count - 1)) + and + items[^1];
    }

    /// <summary>
    /// The verb and the names in agreement: <c>Agreeing(["Panamá"], "falta", "faltan")</c> is "falta Panamá",
    /// two names "faltan Panamá y Belice".
    /// </summary>
    public static string Agreeing(IReadOnlyList<string> items, string verbOne, string verbMany, Language language) =>
        $"{Counted.Form(items.Count, verbOne, verbMany)} {Join(items, language)}";

    /// <summary>Starts with the sound "i" (i-, í-, hi- but not hie-/hia-, which sound "y"): "y" becomes "e" before it.</summary>
    private static bool SoundsLikeI(string word)
    {
        var w = word.TrimStart().ToLowerInvariant();
        if (w.StartsWith('i') || w.StartsWith('í')) return true;
        return (w.StartsWith("hi", StringComparison.Ordinal) || w.StartsWith("hí", StringComparison.Ordinal))
            && !(w.Length > 2 && w[2] is 'e' or 'a' or 'o' or 'u');
    }
}
