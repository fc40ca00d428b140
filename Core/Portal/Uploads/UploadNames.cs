using System.Globalization;
using System.Text;

namespace ServerlessPlan.Core.Portal.Uploads;

/// <summary>
/// The name a sheet uploaded through the portal gets under <c>uploads/{unit}/{period}/</c>: the time it arrived and
/// the person's file name reduced to safe characters (letters without accents, digits, <c>-</c>, <c>_</c>), so it sorts
/// by arrival, never collides with an earlier upload, and nothing a browser sends can reach a blob path.
/// </summary>
public static class UploadNames
{
    private const int MaxStemLength = 60;

    public static string For(string? original, DateTimeOffset arrived)
    {
        var stem = Safe(StemOf(original));
        return $"{arrived.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{stem}.xlsx";
    }

    /// <summary>The file name without folders (Windows browsers once sent full paths) or extension.</summary>
    private static string StemOf(string? original)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static string Safe(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
            if (plain.Length >= MaxStemLength * 2) break;
        }
        var collapsed = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length > MaxStemLength) collapsed = collapsed[..MaxStemLength].TrimEnd('-');
        return collapsed.Length == 0 ? "informe" : collapsed;
    }

    /// <summary>A stem the portal's download routes accept: what <see cref="For"/> produces, and nothing else.</summary>
    public static bool IsStem(string? stem) =>
        !string.IsNullOrEmpty(stem) && stem.Length <= 100 && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && stem[0] != '-';
}
