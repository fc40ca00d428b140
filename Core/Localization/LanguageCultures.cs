using System.Globalization;

namespace ServerlessPlan.Core.Localization;

/// <summary>
/// The one culture each language formats numbers and dates with, wherever text is written (pages, mails, sheets,
/// the CLI): Spanish as Spain writes it (the coalition's documents use the decimal comma), English as Britain writes
/// it (day before month, as Belize's documents do).
/// </summary>
public static class LanguageCultures
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(this Language language) => language == Language.En ? English : Spanish;
}
