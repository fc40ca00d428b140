using System.Globalization;

namespace ServerlessPlan.Core.Localization;

/// <summary>
/// A count written for its number ("1 envío rechazado", "2 envíos rechazados"), never "envío(s)"; and a word that
/// agrees with a count ("falta" / "faltan"). The caller gives both forms: Spanish and English plurals are not a suffix.
/// </summary>
public static class Counted
{
    /// <summary>"1 envío rechazado" / "3 envíos rechazados"; "0 envíos rechazados" (zero takes the plural in both languages).</summary>
    public static string Of(long count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Form(count, one, many);

    /// <summary>The form that agrees with <paramref name="count"/>: "falta" for one, "faltan" otherwise.</summary>
    public static string Form(long count, string one, string many) => count == 1 ? one : many;
}
