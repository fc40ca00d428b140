using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The names of <see cref="ReportingLevel"/>: the codes of a plan file (<c>national</c>, <c>regional</c>, <c>both</c>)
/// and the words of the plan workbook (<c>nacional</c>, <c>regional</c>, <c>ambos</c>; English words accepted too).
/// </summary>
public static class ReportingLevels
{
    public static readonly IReadOnlyList<ReportingLevel> All = [ReportingLevel.National, ReportingLevel.Regional, ReportingLevel.Both];

    public static string ToCode(ReportingLevel level) => level switch
    {
        ReportingLevel.National => "national",
        ReportingLevel.Regional => "regional",
        ReportingLevel.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>A plan file's code, exactly (case and surrounding spaces aside).</summary>
    public static bool TryParseCode(string? code, out ReportingLevel level)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(code?.Trim(), ToCode(candidate), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }

    public static string Word(ReportingLevel level, Language language) => (level, language) switch
    {
        (ReportingLevel.National, Language.Es) => "nacional",
        (ReportingLevel.Both, Language.Es) => "ambos",
        _ => ToCode(level),
    };

    /// <summary>A word typed in a sheet, in either language (<c>Nacional</c>, <c>ambos</c>, <c>Both</c>…).</summary>
    public static bool TryParseWord(string? word, out ReportingLevel level)
    {
        foreach (var candidate in All)
        {
            foreach (var language in new[] { Language.Es, Language.En })
            {
                if (string.Equals(word?.Trim(), Word(candidate, language), StringComparison.OrdinalIgnoreCase))
                {
                    level = candidate;
                    return true;
                }
            }
        }

        level = default;
        return false;
    }
}
