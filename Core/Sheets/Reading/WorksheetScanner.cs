using System.Globalization;
using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// Streams a worksheet's <c>sheetData</c> once (<see cref="PartXml"/>) and materialises only the cells
/// <see cref="_wanted"/> asks for; everything after <c>sheetData</c> (validations, formatting, links) is never read.
/// Positions missing from the XML (<c>r</c> omitted on rows or cells, as scripts write them) are inferred the way
/// Excel does: one past the previous row or cell. Texts are read through <see cref="BoundedTextReader"/>, so a wanted
/// cell costs at most <see cref="ReadingLimits.MaxCellTextChars"/> characters and an unwanted one nothing.
/// Written here because ClosedXML and the Open XML SDK's DOM load the whole sheet, and the SDK's <c>OpenXmlReader</c>
/// builds an object for every element, wanted or not: neither lets the template, rather than the file, set the cost.
/// </summary>
/// <param name="wanted">Which (row, column) cells to materialise.</param>
/// <param name="trackUsed">
/// Look into every cell to tell whether its row is used (<see cref="RawRow.Used"/>); without it, cells not wanted are
/// skipped unread, which is most of a template's report sheet.
/// </param>
internal sealed class WorksheetScanner(Func<int, int, bool> wanted, BoundedTextReader text, RichTextReader richText, bool trackUsed = false)
{
    private readonly Func<int, int, bool> _wanted = wanted;
    private readonly List<(int Min, int Max, int Style)> _columnStyles = [];
    private readonly Dictionary<int, string> _sharedFormulas = [];

    /// <summary>
    /// The style of a cell absent from the XML: its row's style when the row exists (ClosedXML gave a cell of a
    /// loaded row the row's style), otherwise its column's (<c>&lt;col style&gt;</c>).
    /// </summary>
    public int StyleOfAbsentCell(RawRow? row, int column)
    {
        if (row is not null) return row.Style;
        foreach (var (min, max, style) in _columnStyles)
            if (column >= min && column <= max) return style;
        return 0;
    }

    public IEnumerable<RawRow> Rows(WorkbookPackage package, string part)
    {
        using var xml = package.OpenXml(part);
        // <cols> comes before <sheetData>.
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "col") ReadColumn(xml);
            else if (xml.LocalName == "sheetData") break;
        }
        if (xml.EOF || xml.IsEmptyElement) yield break;

        var sheetDataDepth = xml.Depth;
        var rowNumber = 0;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == sheetDataDepth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                var row = ReadRow(xml, rowNumber);
                rowNumber = row.Number;
                yield return row;
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                xml.Skip();
            }
            else
            {
                xml.Read();
            }
        }
    }

    /// <summary>Reads one row, leaving the reader after its end.</summary>
    private RawRow ReadRow(XmlReader xml, int previous)
    {
        var number = ParseInt(xml.GetAttribute("r")) ?? previous + 1;
        // ClosedXML applied a row style whenever customFormat was present at all, whatever its value.
        var style = xml.GetAttribute("customFormat") is null ? 0 : ParseInt(xml.GetAttribute("s")) ?? 0;
        var cells = new List<RawCell>();
        var used = false;
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return new RawRow(number, style, cells, used);
        }

        var depth = xml.Depth;
        var column = 0;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            if (xml.LocalName != "c")
            {
                xml.Skip();
                continue;
            }
            column = CellReferences.ColumnOf(xml.GetAttribute("r")) ?? column + 1;
            var cell = _wanted(number, column) ? NewCell(xml, number, column) : null;
            if (cell is null && !trackUsed)
            {
                xml.Skip();
                continue;
            }
            used |= ReadCellContent(xml, cell);
            if (cell is not null) cells.Add(cell);
        }
        xml.Read();
        return new RawRow(number, style, cells, used);
    }

    private static RawCell NewCell(XmlReader xml, int row, int column)
    {
        var type = xml.GetAttribute("t");
        var cell = new RawCell { Row = row, Column = column, Style = ParseInt(xml.GetAttribute("s")) ?? 0 };
        (cell.Type, cell.UnknownType) = type switch
        {
            null or "n" => (RawCellType.Number, null),
            "s" => (RawCellType.SharedString, null),
            "inlineStr" => (RawCellType.InlineString, null),
            "str" => (RawCellType.FormulaString, null),
            "b" => (RawCellType.Boolean, null),
            "e" => (RawCellType.Error, null),
            "d" => (RawCellType.Date, null),
            _ => (RawCellType.Number, type),
        };
        return cell;
    }

    /// <summary>
    /// Reads a cell's value, formula and inline text (into <paramref name="cell"/> when wanted), leaving the reader
    /// after the cell. Returns whether the cell held anything (ClosedXML's "used").
    /// </summary>
    private bool ReadCellContent(XmlReader xml, RawCell? cell)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return false;
        }
        var used = false;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            switch (xml.LocalName)
            {
                case "v":
                    var value = text.ReadElement(xml, cell is null ? 0 : ReadingLimits.MaxCellTextChars);
                    used |= value.Length > 0;
                    if (cell is not null) (cell.Value, cell.ValueLength) = (value.Text, value.Length);
                    break;
                case "f":
                    used |= ReadFormula(xml, cell);
                    break;
                case "is":
                    var inline = richText.Read(xml, decodeEscapes: false);
                    used |= inline.Length > 0;
                    if (cell is not null) (cell.InlineText, cell.InlineLength) = (inline.Text, inline.Length);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
        xml.Read();
        if (cell is not null) FinishFormula(cell);
        return used;
    }

    /// <summary>
    /// Keeps the formula text of a wanted cell; a shared formula's master text is remembered for the cells below
    /// that only name its group. Returns whether the cell counts as holding a formula.
    /// </summary>
    private bool ReadFormula(XmlReader xml, RawCell? cell)
    {
        var kind = xml.GetAttribute("t");
        var reference = xml.GetAttribute("ref");
        var group = ParseInt(xml.GetAttribute("si"));
        var formula = text.ReadElement(xml, cell is null ? 16 : ReadingLimits.MaxFormulaChars);
        if (kind == "shared" && group is not null && reference is null)
        {
            if (cell is not null) cell.SharedFormulaIndex = group;
            return true;
        }
        // An unwanted cell's formula is only looked at to tell whether there is one.
        var found = formula.Text;
        if (string.IsNullOrWhiteSpace(found) && !formula.Truncated) return false;
        if (found.StartsWith('=')) found = found[1..];
        if (kind == "array") found = "{" + found + "}";
        if (kind == "shared" && group is { } master && cell is not null) _sharedFormulas.TryAdd(master, found);
        if (cell is not null) cell.Formula = found;
        return true;
    }

    /// <summary>
    /// A shared formula's other cells carry only the group: they report the master's text (ClosedXML shifted its
    /// references to the cell; nothing here reads the references, and a formula is a formula either way).
    /// </summary>
    private void FinishFormula(RawCell cell)
    {
        if (cell.Formula is null && cell.SharedFormulaIndex is { } group)
            cell.Formula = _sharedFormulas.GetValueOrDefault(group, "");
    }

    private void ReadColumn(XmlReader xml)
    {
        var style = ParseInt(xml.GetAttribute("style")) ?? 0;
        if (_columnStyles.Count < ReadingLimits.MaxColumnRanges && ParseInt(xml.GetAttribute("min")) is { } min && style > 0)
            _columnStyles.Add((min, ParseInt(xml.GetAttribute("max")) ?? min, style));
    }

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n) ? n : null;
}
