using System.Text;
using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// A text read from an upload, cut to a bound: <see cref="Text"/> is at most the bound (never splitting a surrogate
/// pair) and <see cref="Length"/> is how long it was in the file, counted while the rest streamed past unread.
/// </summary>
internal readonly record struct BoundedText(string Text, long Length)
{
    public static readonly BoundedText Empty = new("", 0);

    public bool Truncated => Length > Text.Length;
}

/// <summary>
/// Reads an element's text content in chunks (<see cref="XmlReader.ReadValueChunk"/>) keeping at most a bound, so a
/// cell holding megabytes of text costs the bound, not the text. One instance per read: it owns its buffers.
/// </summary>
internal sealed class BoundedTextReader
{
    private readonly char[] _chunk = new char[4096];
    private readonly StringBuilder _kept = new();

    /// <summary>
    /// The concatenated text, CDATA and whitespace of the element the reader is on, as
    /// <see cref="XmlReader.ReadElementContentAsString()"/> reads it (a child element is an <see cref="XmlException"/>),
    /// keeping at most <paramref name="max"/> characters. Leaves the reader on the node after the element's end.
    /// </summary>
    public BoundedText ReadElement(XmlReader xml, int max)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return BoundedText.Empty;
        }
        _kept.Clear();
        long length = 0;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    length += Append(xml, max);
                    xml.Read();
                    break;
                case XmlNodeType.Element:
                    throw new XmlException($"Element <{xml.LocalName}> inside a text value.");
                default:
                    xml.Read();
                    break;
            }
        }
        xml.Read();
        return new BoundedText(_kept.ToString(), length);
    }

    /// <summary>Appends the current text node to <paramref name="into"/> up to <paramref name="max"/> in total; returns its length.</summary>
    public long Append(XmlReader xml, StringBuilder into, int max)
    {
        long length = 0;
        var dropped = false;
        int read;
        while ((read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            length += read;
            var take = Math.Clamp(max - into.Length, 0, read);
            dropped |= take < read;
            if (take > 0) into.Append(_chunk, 0, take);
        }
        // Never keep half of a surrogate pair whose other half was cut off.
        if (dropped && into.Length > 0 && char.IsHighSurrogate(into[^1])) into.Length--;
        return length;
    }

    private long Append(XmlReader xml, int max) => Append(xml, _kept, max);
}
