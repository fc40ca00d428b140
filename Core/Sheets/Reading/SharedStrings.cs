using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The few shared strings the reader needs. A template's table holds thousands of long activity texts (headings,
/// metas, indicadores) that no input cell points at; the sheets are scanned first, then the table is streamed once
/// and only the wanted items are materialised (each cut to <see cref="ReadingLimits.MaxCellTextChars"/>), stopping as
/// soon as the last one is found.
/// </summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<int, BoundedText> _texts;

    private SharedStrings(Dictionary<int, BoundedText> texts) => _texts = texts;

    public bool TryGet(int index, out BoundedText text) => _texts.TryGetValue(index, out text);

    public static SharedStrings Read(WorkbookPackage package, string? part, IReadOnlySet<int> wanted, RichTextReader richText)
    {
        var texts = new Dictionary<int, BoundedText>(wanted.Count);
        if (part is null || wanted.Count == 0) return new SharedStrings(texts);

        var last = wanted.Max();
        var index = -1;
        using var xml = package.OpenXml(part);
        xml.MoveToContent();
        while (!xml.EOF && index < last)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                index++;
                if (wanted.Contains(index)) texts[index] = richText.Read(xml, decodeEscapes: true);
                else xml.Skip();
                continue;
            }
            xml.Read();
        }
        return new SharedStrings(texts);
    }
}
