using System.Globalization;
using System.Text;

namespace ServerlessPlan.Core.Portal.Uploads;

/// <summary>
/// The name a sheet uploaded through the portal gets under <c>uploads/{unit}/{period}/</c>: the time it arrived, the
/// person's file name reduced to safe characters (letters without accents, digits, <c>-</c>, <c>_</c>) and the first
/// <see cref="ContentTagLength"/> hex digits of the content's SHA-256, so it sorts by arrival, two different sheets sent
/// with the same file name in the same second get two names (the same sheet twice, one), and nothing a browser sends
/// can reach a blob path. Names stored before the content tag (<c>{yyyyMMdd-HHmmss}-{name}.xlsx</c>) stay valid stems.
/// </summary>
public static class UploadNames
{
    private const int MaxStemLength = 60;

    /// <summary>Hex digits of the content's SHA-256 in the name: a same-second, same-name clash of different sheets is a 1 in 4·10⁹ chance, refused when it happens.</summary>
    public const int ContentTagLength = 8;

    /// <param name="contentId">The content's SHA-256, lower-case hex (the submission id the ingestion will give it).</param>
    public static string For(string? original, DateTimeOffset arrived, string contentId)
    {
        var stem = Safe(StemOf(original));
        return $"{arrived.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}-{stem}-{contentId[..ContentTagLength]}.xlsx";
    }

    /// <summary>
    /// When the portal stored or refused the sheet, by the app's clock, read from the stem's <c>yyyyMMdd-HHmmss</c> stamp
    /// (<see cref="For"/>): the same clock as every other time on the pages, which storage's own timestamps are not.
    /// </summary>
    public static DateTimeOffset? StampOf(string stem) =>
        stem.Length >= StampLength && DateTime.TryParseExact(stem[..StampLength], StampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    private const string StampFormat = "yyyyMMdd-HHmmss";

    private const int StampLength = 15;

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

    /// <summary>A stem the portal's download routes accept: what <see cref="For"/> produces (names without the content tag, stored before it, included), and nothing else.</summary>
    public static bool IsStem(string? stem) =>
        !string.IsNullOrEmpty(stem) && stem.Length <= 100 && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && stem[0] != '-';
}
