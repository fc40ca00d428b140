using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The visible text of a string item (<c>&lt;si&gt;</c> in the shared-string table, <c>&lt;is&gt;</c> in a cell):
/// either one <c>&lt;t&gt;</c> or rich-text runs <c>&lt;r&gt;&lt;t&gt;</c> concatenated. Phonetic guides
/// (<c>&lt;rPh&gt;</c>, furigana) are not part of what was typed and are skipped.
/// </summary>
internal static class RichTextReader
{
    /// <summary>
    /// Reads from the item's start element to its end, leaving the reader on the end element.
    /// </summary>
    /// <param name="decodeEscapes">
    /// Decode <c>_xHHHH_</c> escapes in a plain (run-less) item, as ClosedXML 0.95.4 did for shared strings only.
    /// </param>
    public static string Read(OpenXmlReader reader, bool decodeEscapes)
    {
        string? plain = null;
        StringBuilder? runs = null;
        var hasRuns = false;
        if (reader.ReadFirstChild())
        {
            do
            {
                if (!reader.IsStartElement) continue;
                if (reader.ElementType == typeof(Text))
                {
                    plain ??= reader.GetText();
                }
                else if (reader.ElementType == typeof(Run))
                {
                    hasRuns = true;
                    runs ??= new StringBuilder();
                    AppendRunText(reader, runs);
                }
            }
            while (reader.ReadNextSibling());
        }
        if (hasRuns) return runs!.ToString();
        return decodeEscapes ? DecodeEscapes(plain ?? "") : plain ?? "";
    }

    private static void AppendRunText(OpenXmlReader reader, StringBuilder text)
    {
        if (!reader.ReadFirstChild()) return;
        do
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Text)) text.Append(reader.GetText());
        }
        while (reader.ReadNextSibling());
    }

    /// <summary>
    /// Excel writes characters XML cannot carry (and a literal "_x" sequence) as <c>_xHHHH_</c>.
    /// </summary>
    public static string DecodeEscapes(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0) return text;
        var result = new StringBuilder(text.Length);
        var from = 0;
        while (at >= 0)
        {
            if (at + 7 <= text.Length && text[at + 6] == '_'
                && int.TryParse(text.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append(text, from, at - from).Append((char)code);
                from = at + 7;
                at = text.IndexOf("_x", from, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf("_x", at + 1, StringComparison.Ordinal);
            }
        }
        return result.Append(text, from, text.Length - from).ToString();
    }
}
