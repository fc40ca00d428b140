using System.Globalization;
using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The number format of every cell style (<c>cellXfs</c>), streamed from the styles part: fonts, fills and borders
/// are never materialised. A cell's <c>s</c> attribute indexes <see cref="Of"/>. At most
/// <see cref="ReadingLimits.MaxCellStyles"/> styles and <see cref="ReadingLimits.MaxNumberFormats"/> custom formats are
/// kept; a style past them reads as General.
/// </summary>
internal sealed class WorkbookStyles
{
    private readonly CellNumberFormat[] _formats;

    private WorkbookStyles(CellNumberFormat[] formats) => _formats = formats;

    public static readonly WorkbookStyles None = new([]);

    /// <summary>The format of style <paramref name="index"/>; General when the workbook has no such style.</summary>
    /// <remarks>ClosedXML failed the whole workbook on a dangling style index; one odd cell is not worth that.</remarks>
    public CellNumberFormat Of(int index) => (uint)index < (uint)_formats.Length ? _formats[index] : CellNumberFormat.General;

    public static WorkbookStyles Read(WorkbookPackage package, string? part)
    {
        if (part is null) return None;
        var codes = new Dictionary<int, string>();
        var xfIds = new List<int>();
        using (var xml = package.OpenXml(part))
        {
            var section = "";
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Depth == 1)
                {
                    section = xml.LocalName;
                }
                else if (xml.Depth != 2)
                {
                    continue;
                }
                else if (section == "numFmts" && xml.LocalName == "numFmt" && codes.Count < ReadingLimits.MaxNumberFormats)
                {
                    var code = xml.GetAttribute("formatCode");
                    // The first definition of an id wins, as ClosedXML's FirstOrDefault did.
                    if (ParseId(xml.GetAttribute("numFmtId")) is { } id && code is { Length: <= ReadingLimits.MaxNumberFormatChars })
                        codes.TryAdd(id, code);
                }
                else if (section == "cellXfs" && xml.LocalName == "xf" && xfIds.Count < ReadingLimits.MaxCellStyles)
                {
                    xfIds.Add(ParseId(xml.GetAttribute("numFmtId")) ?? 0);
                }
            }
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

    private static int? ParseId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
