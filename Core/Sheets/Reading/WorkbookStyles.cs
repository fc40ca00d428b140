using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The number format of every cell style (<c>cellXfs</c>), streamed from the styles part: fonts, fills and borders
/// are never materialised. A cell's <c>s</c> attribute indexes <see cref="Of"/>.
/// </summary>
internal sealed class WorkbookStyles
{
    private readonly CellNumberFormat[] _formats;

    private WorkbookStyles(CellNumberFormat[] formats) => _formats = formats;

    public static readonly WorkbookStyles None = new([]);

    /// <summary>The format of style <paramref name="index"/>; General when the workbook has no such style.</summary>
    /// <remarks>ClosedXML failed the whole workbook on a dangling style index; one odd cell is not worth that.</remarks>
    public CellNumberFormat Of(int index) => (uint)index < (uint)_formats.Length ? _formats[index] : CellNumberFormat.General;

    public static WorkbookStyles Read(WorkbookStylesPart? part)
    {
        if (part is null) return None;
        var codes = new Dictionary<int, string>();
        var xfIds = new List<int>();
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (!reader.IsStartElement)
            {
                // End elements carry nothing read here.
            }
            else if (reader.ElementType == typeof(NumberingFormat))
            {
                int? id = null;
                string? code = null;
                foreach (var a in reader.Attributes)
                {
                    if (a.LocalName == "numFmtId") id = ParseId(a.Value);
                    else if (a.LocalName == "formatCode") code = a.Value;
                }
                // The first definition of an id wins, as ClosedXML's FirstOrDefault did.
                if (id is { } i && code is not null) codes.TryAdd(i, code);
            }
            else if (reader.ElementType == typeof(CellFormats))
            {
                ReadCellFormats(reader, xfIds);
            }
            else if (reader.ElementType is { } t && (t == typeof(CellStyleFormats) || t == typeof(Fonts) || t == typeof(Fills)
                     || t == typeof(Borders) || t == typeof(DifferentialFormats) || t == typeof(CellStyles) || t == typeof(Colors)))
            {
                // Skip leaves the reader on the next node already: read on from there, not past it.
                reader.Skip();
                more = !reader.EOF;
                continue;
            }
            more = reader.Read();
        }

        var cache = new Dictionary<int, CellNumberFormat>();
        var formats = new CellNumberFormat[xfIds.Count];
        for (var i = 0; i < formats.Length; i++)
        {
            var id = xfIds[i];
            if (!cache.TryGetValue(id, out var format))
            {
                // A code defined for the id makes it custom, even a built-in id (ClosedXML: Format set, id -1);
                // an empty code does not.
                format = codes.TryGetValue(id, out var code) && code.Length > 0 ? CellNumberFormat.Custom(code) : CellNumberFormat.BuiltIn(id);
                cache[id] = format;
            }
            formats[i] = format;
        }
        return new WorkbookStyles(formats);
    }

    private static void ReadCellFormats(OpenXmlReader reader, List<int> xfIds)
    {
        if (!reader.ReadFirstChild()) return;
        do
        {
            if (!reader.IsStartElement || reader.ElementType != typeof(CellFormat)) continue;
            var id = 0;
            foreach (var a in reader.Attributes)
                if (a.LocalName == "numFmtId") id = ParseId(a.Value) ?? 0;
            xfIds.Add(id);
        }
        while (reader.ReadNextSibling());
    }

    private static int? ParseId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
