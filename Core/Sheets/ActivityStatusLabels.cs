using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// The words of the status dropdown, and a lenient reader for what people actually type or paste:
/// case, accents, spaces, hyphens and the language do not matter ("En Proceso", "in-progress", "COMPLETADA").
/// </summary>
public static class ActivityStatusLabels
{
    private static readonly IReadOnlyDictionary<ActivityStatus, LocalizedText> Labels = new Dictionary<ActivityStatus, LocalizedText>
    {
        [ActivityStatus.NotStarted] = new("no iniciada", "not started"),
        [ActivityStatus.InProgress] = new("en proceso", "in progress"),
        [ActivityStatus.Completed] = new("completada", "completed"),
        [ActivityStatus.NotApplicable] = new("no aplica", "not applicable"),
    };

    // Keys are normalized labels of both languages plus the enum names, so "InProgress" also reads.
    private static readonly Dictionary<string, ActivityStatus> ByKey = Labels
        .SelectMany(p => new[] { p.Value.Es, p.Value.En, p.Key.ToString() }.Select(word => (Word: Normalize(word), Status: p.Key)))
        .DistinctBy(x => x.Word)
        .ToDictionary(x => x.Word, x => x.Status, StringComparer.Ordinal);

    public static string Label(this ActivityStatus status, Language language) => Labels[status].In(language);

    /// <summary>The dropdown entries in the sheet's language, in enum order.</summary>
    public static IReadOnlyList<string> All(Language language) =>
        Enum.GetValues<ActivityStatus>().Select(s => s.Label(language)).ToList();

    public static bool TryParse([NotNullWhen(true)] string? text, out ActivityStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        return ByKey.TryGetValue(Normalize(text), out status);
    }

    /// <summary>Lowercase, without accents, whitespace, hyphens or underscores.</summary>
    private static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c) || c is '-' or '_') continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
