using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The few shared strings the reader needs. A template's table holds thousands of long activity texts (headings,
/// metas, indicadores) that no input cell points at; the sheets are scanned first, then the table is streamed once
/// and only the wanted items are materialised, stopping as soon as the last one is found.
/// </summary>
/// <remarks>Read with <see cref="PartXml"/>: nearly every item is skipped unread.</remarks>
internal sealed class SharedStrings
{
    private readonly Dictionary<int, string> _texts;

    private SharedStrings(Dictionary<int, string> texts) => _texts = texts;

    public bool TryGet(int index, out string text) => _texts.TryGetValue(index, out text!);

    public static SharedStrings Read(SharedStringTablePart? part, IReadOnlySet<int> wanted)
    {
        var texts = new Dictionary<int, string>(wanted.Count);
        if (part is null || wanted.Count == 0) return new SharedStrings(texts);

        var last = wanted.Max();
        var index = -1;
        using var xml = PartXml.Open(part);
        xml.MoveToContent();
        while (!xml.EOF && index < last)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                index++;
                if (wanted.Contains(index)) texts[index] = RichTextReader.Read(xml, decodeEscapes: true);
                else xml.Skip();
                continue;
            }
            xml.Read();
        }
        return new SharedStrings(texts);
    }
}
