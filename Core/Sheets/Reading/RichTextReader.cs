using System.Globalization;
using System.Text;
using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The visible text of a string item (<c>&lt;si&gt;</c> in the shared-string table, <c>&lt;is&gt;</c> in a cell):
/// either one <c>&lt;t&gt;</c> or rich-text runs <c>&lt;r&gt;&lt;t&gt;</c> concatenated. Phonetic guides
/// (<c>&lt;rPh&gt;</c>, furigana) and run properties are not part of what was typed and are skipped.
/// </summary>
internal static class RichTextReader
{
    /// <summary>Reads the item the reader is on and leaves the reader on the node after its end.</summary>
    /// <param name="decodeEscapes">
    /// Decode <c>_xHHHH_</c> escapes in a plain (run-less) item, as ClosedXML 0.95.4 did for shared strings only.
    /// </param>
    public static string Read(XmlReader xml, bool decodeEscapes)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        string? plain = null;
        StringBuilder? runs = null;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
            }
            else if (xml.LocalName == "t")
            {
                var text = xml.ReadElementContentAsString();
                plain ??= text;
            }
            else if (xml.LocalName == "r")
            {
                runs ??= new StringBuilder();
                AppendRun(xml, runs);
            }
            else
            {
                xml.Skip();
            }
        }
        xml.Read();
        if (runs is not null) return runs.ToString();
        return decodeEscapes ? DecodeEscapes(plain ?? "") : plain ?? "";
    }

    private static void AppendRun(XmlReader xml, StringBuilder text)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element) xml.Read();
            else if (xml.LocalName == "t") text.Append(xml.ReadElementContentAsString());
            else xml.Skip();
        }
        xml.Read();
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
