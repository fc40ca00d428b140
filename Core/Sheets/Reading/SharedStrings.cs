using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The few shared strings the reader needs. A template's table holds thousands of long activity texts (headings,
/// metas, indicadores) that no input cell points at; the sheets are scanned first, then the table is streamed once
/// and only the wanted items are materialised, stopping as soon as the last one is found.
/// </summary>
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
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more && index < last)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                index++;
                if (!wanted.Contains(index))
                {
                    // Skip lands on the next item already: look at it before reading on.
                    reader.Skip();
                    more = !reader.EOF;
                    continue;
                }
                texts[index] = RichTextReader.Read(reader, decodeEscapes: true);
            }
            more = reader.Read();
        }
        return new SharedStrings(texts);
    }
}
