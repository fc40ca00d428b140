using System.Globalization;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Sheets.Reading;
using static ServerlessPlan.Core.PlanWorkbook.PlanMatrixLayout;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// Reads a plan workbook that the package guard has already passed, with the project's streaming cell reader
/// (<see cref="WorksheetScanner"/>, <see cref="SharedStrings"/>, <see cref="CellInterpreter"/>): never a DOM, never a
/// formula evaluated. Bounded by <see cref="PlanMatrixLayout"/>: at most <see cref="MaxSheets"/> sheets, their first
/// <see cref="MaxHeadSearchRows"/> rows, then the data sheet down to row <see cref="MaxRows"/> in the header's columns
/// only (at most <see cref="MaxColumns"/>); only the shared strings those cells point at are materialised.
/// </summary>
internal static class MatrixWorkbookReader
{
    /// <summary>A row is a header row when it names at least this many distinct matrix columns, one of them the activity's.</summary>
    private const int MinHeaderColumns = 3;

    /// <exception cref="Exception">On a package that cannot be read (the caller reports it as a finding).</exception>
    public static MatrixWorkbook Read(Stream content)
    {
        using var package = WorkbookPackage.Open(content);
        var kept = 0;
        var sheets = WorkbookSheets.Read(package, _ => kept++ < MaxSheets);
        var styles = WorkbookStyles.Read(package, sheets.StylesPart);
        var text = new BoundedTextReader();
        var richText = new RichTextReader(text);

        var parts = sheets.Candidates.Where(s => s.Part is not null).Select(s => (s.Name, Part: s.Part!)).ToList();
        var rawHeads = parts
            .Select(p => (p.Name, Rows: new WorksheetScanner((row, column) => row <= MaxHeadSearchRows && column <= MaxColumns, text, richText)
                .Rows(package, p.Part).TakeWhile(r => r.Number <= MaxHeadSearchRows).ToList()))
            .ToList();
        var headCells = Interpreter(package, sheets, styles, richText, rawHeads.SelectMany(h => h.Rows));
        var heads = rawHeads.Select(h => new SheetHead(h.Name, h.Rows.Select(r => ToRow(r, headCells)).ToList())).ToList();

        var found = ChooseDataSheet(heads);
        if (found is not { Head: var head, HeaderRow: var headerRow }) return new MatrixWorkbook(heads, null);

        var columns = headerRow.Cells.Where(c => MatrixHeaders.Recognise(c.Value.Text) is not null).Select(c => c.Key).ToHashSet();
        var scanner = new WorksheetScanner((row, column) => row > headerRow.Number && row <= MaxRows && columns.Contains(column), text, richText, trackUsed: true);
        var rawRows = new List<RawRow>();
        var beyond = false;
        foreach (var row in scanner.Rows(package, parts.First(p => p.Name == head.Name).Part))
        {
            if (row.Number > MaxRows)
            {
                // Formatting-only rows far below are common (a styled column); only content beyond the bound matters.
                if (!row.Used) continue;
                beyond = true;
                break;
            }
            if (row.Number > headerRow.Number && row.Cells.Count > 0) rawRows.Add(row);
        }
        var dataCells = Interpreter(package, sheets, styles, richText, rawRows);
        return new MatrixWorkbook(heads, new MatrixDataSheet(head.Name, headerRow, rawRows.Select(r => ToRow(r, dataCells)).ToList(), beyond));
    }

    /// <summary>The row of a sheet's head that names the matrix columns, if any.</summary>
    public static MatrixRow? FindHeaderRow(SheetHead head) => head.Rows.FirstOrDefault(IsHeaderRow);

    /// <summary>
    /// A row that names at least <see cref="MinHeaderColumns"/> distinct matrix columns, one of them the activity's code or
    /// text: the header row, or below it a repeated one (the export's English header row).
    /// </summary>
    public static bool IsHeaderRow(MatrixRow row)
    {
        var named = row.Cells.Values.Select(c => MatrixHeaders.Recognise(c.Text)).OfType<MatrixHeader>().Distinct().ToList();
        return named.Count >= MinHeaderColumns && named.Any(h => h.Column is MatrixColumn.ActivityCode or MatrixColumn.ActivityText);
    }

    /// <summary>A sheet named Matriz/Matrix with a header row, else the first sheet (tab order) that has one.</summary>
    private static (SheetHead Head, MatrixRow HeaderRow)? ChooseDataSheet(IReadOnlyList<SheetHead> heads)
    {
        var candidates = heads.Select(h => (Head: h, HeaderRow: FindHeaderRow(h))).Where(c => c.HeaderRow is not null).ToList();
        if (candidates.Count == 0) return null;
        var named = candidates.FirstOrDefault(c => MatrixText.Normalize(c.Head.Name) is "matriz" or "matrix");
        var chosen = named.Head is not null ? named : candidates[0];
        return (chosen.Head, chosen.HeaderRow!);
    }

    private static Func<RawCell, SheetCell> Interpreter(WorkbookPackage package, WorkbookSheets sheets, WorkbookStyles styles,
        RichTextReader richText, IEnumerable<RawRow> rows)
    {
        var wanted = new HashSet<int>();
        foreach (var cell in rows.SelectMany(r => r.Cells))
        {
            if (cell is { Type: RawCellType.SharedString, Formula: null, UnknownType: null }
                && int.TryParse(cell.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0)
            {
                wanted.Add(index);
            }
        }

        var cells = new CellInterpreter(styles, SharedStrings.Read(package, sheets.SharedStringsPart, wanted, richText), sheets.Date1904);
        return cell => cells.Read(cell, CellReferences.Address(cell.Row, cell.Column));
    }

    /// <summary>Later cells of the same address win, as a grid would show them; empty cells are left out.</summary>
    private static MatrixRow ToRow(RawRow row, Func<RawCell, SheetCell> read)
    {
        var cells = new Dictionary<int, SheetCell>();
        foreach (var raw in row.Cells)
        {
            var cell = read(raw);
            if (cell.IsEmpty) cells.Remove(raw.Column);
            else cells[raw.Column] = cell;
        }
        return new MatrixRow(row.Number, cells);
    }
}
