namespace ServerlessPlan.Core.Localization;

/// <summary>
/// A quarter's ordinal as a person reads it: "1.er", "2.º", "3.er", "4.º" in Spanish (the RAE's abbreviations: primer
/// and tercer drop their -o before a noun, so they take "-er"), "1st", "2nd", "3rd", "4th" in English.
/// </summary>
public static class QuarterOrdinal
{
    public static string Of(int quarter, Language language)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return language == Language.En
            ? quarter switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => "4th" }
            : quarter switch { 1 => "1.er", 2 => "2.º", 3 => "3.er", _ => "4.º" };
    }
}
