using System.Globalization;
using System.Text;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Ingestion.Validation;

/// <summary>
/// The visible header must say what the hidden control sheet says: the unit in <see cref="TemplateLayout.UnitCell"/>
/// and the period in <see cref="TemplateLayout.PeriodCell"/>. A person reads the header, ingestion reads the control
/// sheet, so a header edited to say something else (another unit's template relabelled, last quarter's file retitled)
/// must not be accepted silently. Forms a person could type for the same thing are accepted: the unit's code or its
/// name in either language, with or without accents, in any case and spacing; the period as the template writes it
/// (<c>2021-Q3</c>), with <c>T</c> (trimestre) for <c>Q</c>, either order, any separator, or in words
/// (<c>3er trimestre de 2021</c>, <c>third quarter 2021</c>). A blank cell claims nothing and is not checked.
/// </summary>
/// <remarks>
/// Compared with the control sheet, not the upload folder: when the header agrees with the control sheet and the folder
/// does not, the file is another unit's or period's template (UNIT_MISMATCH / PERIOD_MISMATCH say so), and asking for
/// the header to be "corrected" to the folder's value would ask the person to make it lie.
/// </remarks>
internal static class HeaderCheck
{
    private const int MaxQuoted = 80;

    private static readonly HashSet<string> Fillers = ["DE", "DEL", "EL", "OF", "THE"];
    private static readonly HashSet<string> QuarterWords = ["TRIMESTRE", "QUARTER", "QTR"];
    private static readonly HashSet<string> OrdinalSuffixes = ["ER", "ERO", "O", "º", "ST", "ND", "RD", "TH"];

    private static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.Ordinal)
    {
        ["PRIMER"] = 1, ["PRIMERO"] = 1, ["FIRST"] = 1,
        ["SEGUNDO"] = 2, ["SECOND"] = 2,
        ["TERCER"] = 3, ["TERCERO"] = 3, ["THIRD"] = 3,
        ["CUARTO"] = 4, ["FOURTH"] = 4,
    };

    public static void Check(SubmittedSheet sheet, TemplateMetadata meta, ReportingUnits units, Language language, List<ValidationIssue> issues)
    {
        if (SubmittedSheet.TextOf(sheet.Unit) is { } unitText && units.Find(meta.UnitCode) is { } unit && !ReadsAsUnit(unitText, unit))
        {
            var expected = language == Language.En ? $"unit {unit.Code} ({unit.Name.En})" : $"la unidad {unit.Code} ({unit.Name.Es})";
            issues.Add(Mismatch(sheet, TemplateLayout.UnitCell, language, unitText, expected, unit.Code));
        }

        if (SubmittedSheet.TextOf(sheet.Period) is { } periodText && !(TryReadPeriod(periodText, out var period) && period == meta.Period))
        {
            var expected = language == Language.En ? $"the {meta.Period.Label(language)}" : $"el {meta.Period.Label(language)}";
            issues.Add(Mismatch(sheet, TemplateLayout.PeriodCell, language, periodText, expected, meta.Period.ToString()));
        }
    }

    private static ValidationIssue Mismatch(SubmittedSheet sheet, string cell, Language language, string found, string expected, string written) =>
        SheetIssues.HeaderMismatch.At(language, sheet.ReportSheetName, cell, null, SheetValidator.Truncate(found, MaxQuoted), new OwnText(expected), written);

    /// <summary>The unit's code, its Spanish or English name, or the code beside a name (<c>GT - Guatemala</c>).</summary>
    internal static bool ReadsAsUnit(string text, ReportingUnit unit)
    {
        var found = string.Join(' ', Tokens(text));
        var code = string.Join(' ', Tokens(unit.Code));
        var names = new[] { unit.Name.Es, unit.Name.En }.Select(n => string.Join(' ', Tokens(n))).Distinct().ToList();
        return found == code || names.Any(n => found == n || found == $"{code} {n}" || found == $"{n} {code}");
    }

    /// <summary>A period in any of the forms described on the class; false for anything else.</summary>
    internal static bool TryReadPeriod(string text, out ReportingPeriod period)
    {
        period = default;
        var tokens = Tokens(text).Where(t => !Fillers.Contains(t)).ToList();
        var years = tokens.Where(t => t.Length == 4 && t.All(char.IsAsciiDigit)).ToList();
        if (years.Count != 1) return false;
        tokens.Remove(years[0]);
        var quarter = QuarterOf(tokens);
        if (quarter is null) return false;
        period = new ReportingPeriod(int.Parse(years[0], CultureInfo.InvariantCulture), quarter.Value);
        return true;
    }

    private static int? QuarterOf(List<string> t)
    {
        static int? Digit(string s) => s is ['1' or '2' or '3' or '4'] ? s[0] - '0' : null;
        static bool Marker(string s) => s is "Q" or "T";

        return t switch
        {
            [var m, var d] when (Marker(m) || QuarterWords.Contains(m)) && Digit(d) is { } q => q,
            [var d, var m] when (Marker(m) || QuarterWords.Contains(m)) && Digit(d) is { } q => q,
            [var d, var suffix, var w] when OrdinalSuffixes.Contains(suffix) && QuarterWords.Contains(w) => Digit(d),
            [var word, var w] when QuarterWords.Contains(w) && OrdinalWords.TryGetValue(word, out var n) => n,
            _ => null,
        };
    }

    /// <summary>
    /// Upper case without accents, split at anything that is not a letter or digit and between letters and digits
    /// (<c>2021q3</c> → <c>2021 Q 3</c>, <c>3er</c> → <c>3 ER</c>).
    /// </summary>
    private static List<string> Tokens(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var boundary = current.Length > 0 && (!char.IsLetterOrDigit(c) || char.IsDigit(c) != char.IsDigit(current[^1]));
            if (boundary)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
            if (char.IsLetterOrDigit(c)) current.Append(char.ToUpperInvariant(c));
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
