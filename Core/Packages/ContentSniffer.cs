using System.Text;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// Guesses what a non-workbook upload is from its first bytes, so the rejection can say "this is a CSV renamed to
/// .xlsx" instead of only "not a workbook". A hint, never a decision: the file is rejected either way.
/// </summary>
internal static class ContentSniffer
{
    private const int SniffBytes = 4096;

    public static LocalizedText Describe(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, SniffBytes)];
        if (head.StartsWith("%PDF"u8))
        {
            return ContentHints.Pdf;
        }

        // Excel's "Unicode text" export is UTF-16 with a byte-order mark.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ContentHints.CsvOrText;
        }

        if (!LooksLikeText(head))
        {
            return ContentHints.Unknown;
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<'))
        {
            if (text.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.OrdinalIgnoreCase))
            {
                return ContentHints.Xml2003;
            }

            if (text.Contains("<html", StringComparison.OrdinalIgnoreCase)
                || text.Contains("<table", StringComparison.OrdinalIgnoreCase)
                || text.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase))
            {
                return ContentHints.Html;
            }
        }

        return ContentHints.CsvOrText;
    }

    /// <summary>Text has no NULs and few control characters; binary junk has plenty of both.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || head.Contains((byte)0))
        {
            return false;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x0C)
            {
                control++;
            }
        }

        return control * 100 < head.Length;
    }
}
