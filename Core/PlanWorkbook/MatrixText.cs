using System.Globalization;
using System.Text;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// How the importer compares words people typed: case, accents, surrounding punctuation and repeated spaces do not
/// matter ("Título (inglés):" and "titulo (ingles)" are the same label). A bilingual label written as
/// "Meta / Target (meta)" or on two lines offers each part separately.
/// </summary>
internal static class MatrixText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }
            if (space) result.Append(' ');
            space = false;
            result.Append(char.ToLowerInvariant(c));
        }
        return result.ToString().Trim('¿', '?', ':', '.', '*', ' ');
    }

    /// <summary>The normalized alternatives of a label: the whole text, then each part split on '/' or a line break.</summary>
    public static IEnumerable<string> Alternatives(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        yield return Normalize(text);
        var parts = text.Split(['/', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2) yield break;
        foreach (var part in parts) yield return Normalize(part);
    }
}
