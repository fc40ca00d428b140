namespace ServerlessPlan.Core.Localization;

/// <summary>A text in both languages; Spanish first because it is the coalition's working language.</summary>
public sealed record LocalizedText(string Es, string En)
{
    public string In(Language language) => language == Language.En ? En : Es;

    /// <summary>A text written by a rule that takes the language (a date, a quarter's name): its two wordings as one pair.</summary>
    public static LocalizedText Of(Func<Language, string> write) => new(write(Language.Es), write(Language.En));
}
