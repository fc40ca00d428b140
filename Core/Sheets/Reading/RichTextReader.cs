using System.Globalization;
using System.Text;
using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The visible text of a string item (<c>&lt;si&gt;</c> in the shared-string table, <c>&lt;is&gt;</c> in a cell):
/// either one <c>&lt;t&gt;</c> or rich-text runs <c>&lt;r&gt;&lt;t&gt;</c> concatenated. Phonetic guides
/// (<c>&lt;rPh&gt;</c>, furigana) and run properties are not part of what was typed and are skipped. At most
/// <see cref="ReadingLimits.MaxCellTextChars"/> characters are kept; the full length is counted.
/// </summary>
internal sealed class RichTextReader(BoundedTextReader text)
{
    private readonly StringBuilder _runs = new();

    /// <summary>Reads the item the reader is on and leaves the reader on the node after its end.</summary>
    /// <param name="decodeEscapes">
    /// Decode <c>_xHHHH_</c> escapes in a plain (run-less) item, as ClosedXML 0.95.4 did for shared strings only.
    /// </param>
    public BoundedText Read(XmlReader xml, bool decodeEscapes)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return BoundedText.Empty;
        }
        var depth = xml.Depth;
        BoundedText? plain = null;
        var hasRuns = false;
        long runsLength = 0;
        _runs.Clear();
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
            }
            else if (xml.LocalName == "t")
            {
                // An escape is seven characters for one: room for a full item of them before decoding.
                var t = text.ReadElement(xml, decodeEscapes ? EscapeWidth * ReadingLimits.MaxCellTextChars : ReadingLimits.MaxCellTextChars);
                plain ??= t;
            }
            else if (xml.LocalName == "r")
            {
                hasRuns = true;
                runsLength += AppendRun(xml);
            }
            else
            {
                xml.Skip();
            }
        }
        xml.Read();
        if (hasRuns) return new BoundedText(_runs.ToString(), runsLength);
        var found = plain ?? BoundedText.Empty;
        if (!decodeEscapes) return found;
        var decoded = DecodeEscapes(found.Text);
        // Cut before decoding, the item's length is known only as written (escapes counted whole): an upper bound.
        return new BoundedText(Utf16.Prefix(decoded, ReadingLimits.MaxCellTextChars), found.Truncated ? found.Length : decoded.Length);
    }

    /// <summary>Characters of an <c>_xHHHH_</c> escape.</summary>
    private const int EscapeWidth = 7;

    private long AppendRun(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return 0;
        }
        long length = 0;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
            }
            else if (xml.LocalName == "t")
            {
                var t = text.ReadElement(xml, Math.Max(0, ReadingLimits.MaxCellTextChars - _runs.Length));
                _runs.Append(t.Text);
                length += t.Length;
            }
            else
            {
                xml.Skip();
            }
        }
        xml.Read();
        return length;
    }

    /// <summary>
    /// Excel writes characters XML cannot carry (and a literal "_x" sequence) as <c>_xHHHH_</c>. A surrogate escape
    /// that is not half of a pair becomes U+FFFD (<see cref="Utf16"/>).
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
        return Utf16.ReplaceLoneSurrogates(result.Append(text, from, text.Length - from).ToString());
    }
}
