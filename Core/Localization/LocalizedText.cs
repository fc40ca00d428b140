namespace ServerlessPlan.Core.Localization;

/// <summary>A text in both languages; Spanish first because it is the coalition's working language.</summary>
public sealed record LocalizedText(string Es, string En)
{
    public string In(Language language) => language == Language.En ? En : Es;
}
