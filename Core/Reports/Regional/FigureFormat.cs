using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// How figures read in text (digest, headline, CLI): one decimal, in the reader's language ("49,2 %" / "49.2 %"),
/// "—" for no value, in the language's one culture (<see cref="LanguageCultures"/>). Workbook cells hold the
/// full-precision number and format it themselves.
/// </summary>
public static class FigureFormat
{
    /// <summary>"49,2 %" / "49.2 %"; "—" when there is no value.</summary>
    public static string Percent(double? value, Language language) =>
        value is { } v ? v.ToString("0.0", language.Culture()) + " %" : "—";

    /// <summary>"12,5" / "12.5"; "—" when there is no value.</summary>
    public static string Number(double? value, Language language) =>
        value is { } v ? v.ToString("0.0", language.Culture()) : "—";

    /// <summary>A change in points with its sign: "+12,5" / "-3.0" / "0,0"; "—" when there is no value.</summary>
    public static string Signed(double? value, Language language) =>
        value is { } v ? v.ToString("+0.0;-0.0;0.0", language.Culture()) : "—";
}
