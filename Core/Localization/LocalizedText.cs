namespace ServerlessPlan.Core.Localization;

/// <summary>A text in both languages; Spanish first because it is the coalition's working language.</summary>
public sealed record LocalizedText(string Es, string En)
{
    public string In(Language language) => language == Language.En ? En : Es;

    /// <summary>A text written once per language by <paramref name="write"/> (a date or a number in each language's own form).</summary>
    public static LocalizedText Each(Func<Language, string> write) => new(write(Language.Es), write(Language.En));
}
