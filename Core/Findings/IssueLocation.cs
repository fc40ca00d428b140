using System.Globalization;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Findings;

/// <summary>
/// Says where a finding is, in words a focal point reads ("Hoja «Informe», celda H12" / "Sheet "Report", cell H12"),
/// in front of its instruction, and formats numbers the way the unit writes them (50,5 in Spanish, 50.5 in English).
/// The activity is added to the place only when the instruction does not already name it.
/// </summary>
public static class IssueLocation
{
    public static ValidationIssue At(this IssueType type, Language language, string? sheet, string? cell, string? activity, params object?[] args)
    {
        var message = type.Format(language, args);
        var named = activity is not null && message.Contains(activity, StringComparison.Ordinal);
        var where = Describe(language, sheet, cell, named ? null : activity);
        return new ValidationIssue(type.Code, type.Severity, where is null ? message : $"{where}: {message}", sheet, cell)
        {
            Activity = activity,
        };
    }

    public static string? Describe(Language language, string? sheet, string? cell, string? activity)
    {
        var parts = new List<string>();
        if (sheet is not null) parts.Add(language == Language.En ? $"Sheet \"{sheet}\"" : $"Hoja «{sheet}»");
        if (cell is not null) parts.Add(language == Language.En ? $"cell {cell}" : $"celda {cell}");
        var text = string.Join(", ", parts);
        if (activity is not null)
            text += (text.Length > 0 ? " " : "") + (language == Language.En ? $"(activity {activity})" : $"(actividad {activity})");
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The instruction alone, without the place it starts with ("Hoja «Informe», celda H12: "), for a table whose
    /// columns already say where. Reports stored before the activity left the place read the same.
    /// </summary>
    public static string Sentence(ValidationIssue issue, Language language)
    {
        ArgumentNullException.ThrowIfNull(issue);
        foreach (var activity in issue.Activity is null ? [null] : new[] { issue.Activity, null })
        {
            if (Describe(language, issue.Sheet, issue.Cell, activity) is not { } where) continue;
            // English reports stored before English took plain quotes named the sheet in «».
            var legacy = issue.Sheet is { } sheet ? where.Replace($"\"{sheet}\"", $"«{sheet}»", StringComparison.Ordinal) : where;
            foreach (var place in new[] { where, legacy })
                if (issue.Message.StartsWith(place + ": ", StringComparison.Ordinal)) return issue.Message[(place.Length + 2)..];
        }
        return issue.Message;
    }

    public static string Number(decimal value, Language language)
    {
        var text = Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return language == Language.Es ? text.Replace('.', ',') : text;
    }
}
