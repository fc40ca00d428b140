namespace ServerlessPlan.Core.Localization;

/// <summary>The languages user-facing text is written in. Spanish is the coalition's working language.</summary>
public enum Language
{
    Es,
    En,
}

public static class LanguageCodes
{
    public static string ToCode(this Language language) => language == Language.En ? "en" : "es";

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "es": language = Language.Es; return true;
            case "en": language = Language.En; return true;
            default: language = Language.Es; return false;
        }
    }
}
