using System.Globalization;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Findings;

/// <summary>
/// Says where a finding is, in words a focal point reads ("Hoja «Informe», celda H12 (actividad 1.1.1.3)"), and
/// formats numbers the way the unit writes them (50,5 in Spanish, 50.5 in English).
/// </summary>
public static class IssueLocation
{
    public static ValidationIssue At(this IssueType type, Language language, string? sheet, string? cell, string? activity, params object?[] args)
    {
        var message = type.Format(language, args);
        var where = Describe(language, sheet, cell, activity);
        return new ValidationIssue(type.Code, type.Severity, where is null ? message : $"{where}: {message}", sheet, cell)
        {
            Activity = activity,
        };
    }

    public static string? Describe(Language language, string? sheet, string? cell, string? activity)
    {
        var parts = new List<string>();
        if (sheet is not null) parts.Add(language == Language.En ? $"Sheet «{sheet}»" : $"Hoja «{sheet}»");
        if (cell is not null) parts.Add(language == Language.En ? $"cell {cell}" : $"celda {cell}");
        var text = string.Join(", ", parts);
        if (activity is not null)
            text += (text.Length > 0 ? " " : "") + (language == Language.En ? $"(activity {activity})" : $"(actividad {activity})");
        return text.Length == 0 ? null : text;
    }

    public static string Number(decimal value, Language language)
    {
        var text = Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return language == Language.Es ? text.Replace('.', ',') : text;
    }
}
