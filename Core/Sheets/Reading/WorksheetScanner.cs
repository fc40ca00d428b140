using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// Streams a worksheet's <c>sheetData</c> once with <see cref="OpenXmlReader"/> and materialises only the cells
/// <see cref="_wanted"/> asks for; everything after <c>sheetData</c> (validations, formatting, links) is never read.
/// Positions missing from the XML (<c>r</c> omitted on rows or cells, as scripts write them) are inferred the way
/// Excel does: one past the previous row or cell.
/// </summary>
internal sealed class WorksheetScanner(Func<int, int, bool> wanted)
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

    public IEnumerable<RawRow> Rows(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        var rowStyle = 0;
        var column = 0;
        var used = false;
        List<RawCell>? cells = null;
        RawCell? cell = null;
        var inCell = false;

        while (reader.Read())
        {
            var type = reader.ElementType;
            if (reader.IsStartElement)
            {
                if (inCell)
                {
                    if (type == typeof(CellValue))
                    {
                        var text = reader.GetText();
                        used |= text.Length > 0;
                        if (cell is not null) cell.Value = text;
                    }
                    else if (type == typeof(CellFormula))
                    {
                        used |= ReadFormula(reader, cell);
                    }
                    else if (type == typeof(InlineString))
                    {
                        var text = RichTextReader.Read(reader, decodeEscapes: false);
                        used |= text.Length > 0;
                        if (cell is not null) cell.InlineText = text;
                    }
                }
                else if (type == typeof(Cell))
                {
                    inCell = true;
                    cell = StartCell(reader, rowNumber, ref column);
                }
                else if (type == typeof(Row))
                {
                    (rowNumber, rowStyle) = StartRow(reader, rowNumber);
                    column = 0;
                    used = false;
                    cells = [];
                }
                else if (type == typeof(Column))
                {
                    ReadColumn(reader);
                }
            }
            else if (reader.IsEndElement)
            {
                if (type == typeof(Cell))
                {
                    inCell = false;
                    if (cell is not null) cells?.Add(FinishCell(cell));
                    cell = null;
                }
                else if (type == typeof(Row))
                {
                    yield return new RawRow(rowNumber, rowStyle, cells ?? [], used);
                    cells = null;
                }
                else if (type == typeof(SheetData))
                {
                    yield break;
                }
            }
        }
    }

    private RawCell? StartCell(OpenXmlReader reader, int rowNumber, ref int column)
    {
        string? reference = null, type = null;
        var style = 0;
        foreach (var a in reader.Attributes)
        {
            switch (a.LocalName)
            {
                case "r": reference = a.Value; break;
                case "t": type = a.Value; break;
                case "s": style = ParseInt(a.Value) ?? 0; break;
            }
        }
        column = CellReferences.ColumnOf(reference) ?? column + 1;
        if (!_wanted(rowNumber, column)) return null;

        var cell = new RawCell { Row = rowNumber, Column = column, Style = style };
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
    /// Keeps the formula text of a wanted cell; a shared formula's master text is remembered for the cells below
    /// that only name its group. Returns whether the cell counts as holding a formula.
    /// </summary>
    private bool ReadFormula(OpenXmlReader reader, RawCell? cell)
    {
        string? kind = null, reference = null;
        int? group = null;
        foreach (var a in reader.Attributes)
        {
            switch (a.LocalName)
            {
                case "t": kind = a.Value; break;
                case "ref": reference = a.Value; break;
                case "si": group = ParseInt(a.Value); break;
            }
        }
        var text = reader.GetText();
        var sharedChild = kind == "shared" && group is not null && reference is null;
        if (sharedChild)
        {
            if (cell is not null) cell.SharedFormulaIndex = group;
            return true;
        }
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text[0] == '=') text = text[1..];
        if (kind == "array") text = "{" + text + "}";
        if (kind == "shared" && group is { } master) _sharedFormulas.TryAdd(master, text);
        if (cell is not null) cell.Formula = text;
        return true;
    }

    private RawCell FinishCell(RawCell cell)
    {
        // A shared formula's other cells carry only the group: they report the master's text (ClosedXML shifted
        // its references to the cell; nothing here reads the references, and a formula is a formula either way).
        if (cell.Formula is null && cell.SharedFormulaIndex is { } group)
            cell.Formula = _sharedFormulas.GetValueOrDefault(group, "");
        return cell;
    }

    private static (int Number, int Style) StartRow(OpenXmlReader reader, int previous)
    {
        int? number = null;
        var style = 0;
        var customFormat = false;
        foreach (var a in reader.Attributes)
        {
            switch (a.LocalName)
            {
                case "r": number = ParseInt(a.Value); break;
                case "s": style = ParseInt(a.Value) ?? 0; break;
                case "customFormat": customFormat = true; break;
            }
        }
        // ClosedXML applied a row style whenever customFormat was present at all, whatever its value.
        return (number ?? previous + 1, customFormat ? style : 0);
    }

    private void ReadColumn(OpenXmlReader reader)
    {
        int? min = null, max = null;
        var style = 0;
        foreach (var a in reader.Attributes)
        {
            switch (a.LocalName)
            {
                case "min": min = ParseInt(a.Value); break;
                case "max": max = ParseInt(a.Value); break;
                case "style": style = ParseInt(a.Value) ?? 0; break;
            }
        }
        if (min is { } lo && style > 0) _columnStyles.Add((lo, max ?? lo, style));
    }

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n) ? n : null;
}
