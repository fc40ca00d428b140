using System.Globalization;
using System.Xml;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>
/// Rewrites a worksheet streaming, changing only two things: each flagged cell's style becomes its derived style
/// (<see cref="AnnotationStyles.Derive"/>: the same look with the severity's fill), and no sheet view stays selected
/// (the review sheet is the one shown). A flagged cell absent from the XML (a blank cell never typed in) is inserted
/// in its place, taking the style it displayed with: its row's, else its column's. With notes, the sheet also names
/// their drawing (<c>legacyDrawing</c>) where the schema's order puts it.
/// </summary>
/// <param name="flagged">Severity by (row, column); empty for a sheet that only needs its selection cleared.</param>
/// <param name="notes">The report sheet's notes (<see cref="CellNotes"/>); null for none.</param>
internal sealed class CellHighlighter(IReadOnlyDictionary<(int Row, int Column), IssueSeverity> flagged, AnnotationStyles styles,
    NotesPlacement? notes = null)
{
    /// <summary>The worksheet's children that come after <c>legacyDrawing</c> (ECMA-376 CT_Worksheet).</summary>
    private static readonly HashSet<string> AfterLegacyDrawing =
        ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

    private bool _drawingNamed;

    private readonly SortedDictionary<int, SortedDictionary<int, IssueSeverity>> _pending = Group(flagged);
    private readonly List<(int Min, int Max, int Style)> _columnStyles = [];
    private string _main = Ooxml.Main;

    public void Write(XmlReader reader, XmlWriter writer)
    {
        var sheetDataDepth = -1;
        var rowNumber = 0;
        var column = 0;
        var rowStyle = 0;
        SortedDictionary<int, IssueSeverity>? rowFlags = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.Depth == 0) _main = reader.NamespaceURI;
                if (notes is not null && reader.Depth == 1)
                {
                    // A drawing of notes named without its relationship (our placement found none) is replaced by ours.
                    if (reader.LocalName == "legacyDrawing")
                    {
                        NameDrawing(writer);
                        SkipElement(reader);
                        continue;
                    }
                    if (AfterLegacyDrawing.Contains(reader.LocalName)) NameDrawing(writer);
                }
                switch (reader.LocalName)
                {
                    case "sheetView" when reader.Depth == 2:
                        XmlCopy.Node(reader, writer, XmlCopy.Dropping("tabSelected"));
                        continue;
                    case "col" when reader.Depth == 2:
                        RememberColumn(reader);
                        break;
                    case "sheetData" when reader.Depth == 1:
                        sheetDataDepth = reader.Depth;
                        if (reader.IsEmptyElement)
                        {
                            XmlCopy.Node(reader, writer, leaveOpen: true);
                            InsertRows(writer, int.MaxValue);
                            writer.WriteEndElement();
                            continue;
                        }
                        break;
                    case "row" when reader.Depth == sheetDataDepth + 1:
                        rowNumber = ParseInt(reader.GetAttribute("r")) ?? rowNumber + 1;
                        column = 0;
                        rowStyle = reader.GetAttribute("customFormat") is null ? 0 : ParseInt(reader.GetAttribute("s")) ?? 0;
                        InsertRows(writer, rowNumber);
                        rowFlags = _pending.Remove(rowNumber, out var flags) ? flags : null;
                        if (reader.IsEmptyElement && rowFlags is not null)
                        {
                            XmlCopy.Node(reader, writer, leaveOpen: true);
                            InsertCells(writer, rowNumber, rowFlags, int.MaxValue, rowStyle);
                            writer.WriteEndElement();
                            rowFlags = null;
                            continue;
                        }
                        break;
                    case "c" when rowFlags is not null && reader.Depth == sheetDataDepth + 2:
                        column = CellReferences.ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                        InsertCells(writer, rowNumber, rowFlags, column, rowStyle);
                        if (rowFlags.Remove(column, out var severity))
                        {
                            Highlight(reader, writer, severity);
                            continue;
                        }
                        break;
                    case "c" when reader.Depth == sheetDataDepth + 2:
                        column = CellReferences.ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.Depth == 0 && notes is not null) NameDrawing(writer);
                if (rowFlags is not null && reader.Depth == sheetDataDepth + 1)
                {
                    InsertCells(writer, rowNumber, rowFlags, int.MaxValue, rowStyle);
                    rowFlags = null;
                }
                else if (reader.Depth == sheetDataDepth)
                {
                    InsertRows(writer, int.MaxValue);
                    sheetDataDepth = -1;
                }
            }
            XmlCopy.Node(reader, writer);
        }
    }

    /// <summary>Moves the reader to the end of the element it is on, so the loop's next read passes it.</summary>
    private static void SkipElement(XmlReader reader)
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
        }
    }

    /// <summary><c>&lt;legacyDrawing r:id="…"/&gt;</c> once, naming the notes' drawing.</summary>
    private void NameDrawing(XmlWriter writer)
    {
        if (_drawingNamed || notes is null) return;
        _drawingNamed = true;
        writer.WriteStartElement("legacyDrawing", _main);
        writer.WriteAttributeString("id", notes.RelationshipTypes, notes.VmlRelationshipId);
        writer.WriteEndElement();
    }

    /// <summary>The flagged cell the reader is on, with its style replaced by the derived one.</summary>
    private void Highlight(XmlReader reader, XmlWriter writer, IssueSeverity severity)
    {
        var original = ParseInt(reader.GetAttribute("s")) ?? 0;
        var derived = styles.Derive(original, severity).ToString(CultureInfo.InvariantCulture);
        var empty = reader.IsEmptyElement;
        XmlCopy.StartElement(reader, writer, XmlCopy.Dropping("s"));
        writer.WriteAttributeString("s", derived);
        if (empty) writer.WriteEndElement();
    }

    /// <summary>Rows holding flagged cells that the sheet does not have, up to (not including) <paramref name="before"/>.</summary>
    private void InsertRows(XmlWriter writer, int before)
    {
        while (_pending.Count > 0 && _pending.Keys.First() is var row && row < before)
        {
            var cells = _pending[row];
            _pending.Remove(row);
            writer.WriteStartElement("row", _main);
            writer.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
            InsertCells(writer, row, cells, int.MaxValue, rowStyle: 0);
            writer.WriteEndElement();
        }
    }

    /// <summary>Flagged cells of the row that it does not have, up to (not including) <paramref name="before"/>.</summary>
    private void InsertCells(XmlWriter writer, int row, SortedDictionary<int, IssueSeverity> cells, int before, int rowStyle)
    {
        while (cells.Count > 0 && cells.Keys.First() is var column && column < before)
        {
            var severity = cells[column];
            cells.Remove(column);
            var original = rowStyle != 0 ? rowStyle : ColumnStyle(column);
            writer.WriteStartElement("c", _main);
            writer.WriteAttributeString("r", CellReferences.Address(row, column));
            writer.WriteAttributeString("s", styles.Derive(original, severity).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
    }

    private void RememberColumn(XmlReader reader)
    {
        var style = ParseInt(reader.GetAttribute("style")) ?? 0;
        if (_columnStyles.Count < ReadingLimits.MaxColumnRanges && ParseInt(reader.GetAttribute("min")) is { } min && style > 0)
            _columnStyles.Add((min, ParseInt(reader.GetAttribute("max")) ?? min, style));
    }

    private int ColumnStyle(int column)
    {
        foreach (var (min, max, style) in _columnStyles)
            if (column >= min && column <= max) return style;
        return 0;
    }

    private static SortedDictionary<int, SortedDictionary<int, IssueSeverity>> Group(IReadOnlyDictionary<(int Row, int Column), IssueSeverity> cells)
    {
        var rows = new SortedDictionary<int, SortedDictionary<int, IssueSeverity>>();
        foreach (var ((row, column), severity) in cells)
        {
            if (!rows.TryGetValue(row, out var columns)) rows[row] = columns = [];
            columns[column] = severity;
        }
        return rows;
    }

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n) ? n : null;
}
