namespace ServerlessPlan.Core.Localization;

/// <summary>
/// The one rule for the language someone reads, whatever reaches them — a page, a problem, a validation report, a
/// template, a mail: the language they asked for (a request's <c>?lang=</c>, then the choice its cookie remembers; a
/// CLI's <c>--lang</c>; the setting of the Presidency's digest or the ST's list), else their unit's (the unit list's
/// <c>language</c>: Belize's focal points read English), else Spanish, the coalition's working language.
/// </summary>
public static class LanguageChoice
{
    /// <summary>Spanish: for whoever asked for nothing and has no unit.</summary>
    public const Language Default = Language.Es;

    /// <summary>The language asked for, else the unit's, else Spanish.</summary>
    public static Language For(Language? asked, Language? unitLanguage) => asked ?? unitLanguage ?? Default;

    /// <summary>
    /// The first of <paramref name="words"/> that names a language (<c>es</c>, <c>en</c>), in their order of precedence;
    /// a word that names none is passed over (it only chooses what to read: where a wrong word must be refused, the
    /// caller checks it first with <c>RequestWords.TryLanguage</c>).
    /// </summary>
    public static Language? Asked(params string?[] words)
    {
        foreach (var word in words)
        {
            if (LanguageCodes.TryParse(word, out var language)) return language;
        }
        return null;
    }

    /// <summary>A configured or recorded language code (a setting, a report's <c>language</c>); Spanish when it names none.</summary>
    public static Language Of(string? code) => For(Asked(code), unitLanguage: null);
}
