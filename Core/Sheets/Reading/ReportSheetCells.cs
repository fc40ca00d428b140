using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// The cells of the report sheet the reader needs, collected while it streams: the header values (column C,
/// rows 2–6) and, from <see cref="TemplateLayout.FirstDataRow"/> down, the code and input columns. Rows are keyed
/// by number, so rows out of order or repeated in the XML read as ClosedXML's grid did (sorted, later cells winning).
/// </summary>
internal sealed class ReportSheetCells
{
    /// <summary>Columns kept on data rows, in <see cref="SubmittedRow"/> order.</summary>
    public static readonly int[] DataColumns = [CodeColumn, EjecutadoColumn, StatusColumn, QuantityColumn, ObservationsColumn, EvidenceColumn];

    private static readonly int HeaderColumn = CellReferences.ColumnOf(PlanCell)!.Value;
    private static readonly int FirstHeaderRow = HeaderRow(PlanCell);
    private static readonly int LastHeaderRow = HeaderRow(FocalEmailCell);

    public SortedDictionary<int, (RawRow Row, RawCell?[] Cells)> DataRows { get; } = [];

    public Dictionary<int, (RawRow Row, RawCell? Cell)> HeaderRows { get; } = [];

    public static bool Wanted(int row, int column) =>
        row >= FirstDataRow ? Array.IndexOf(DataColumns, column) >= 0
        : column == HeaderColumn && row >= FirstHeaderRow && row <= LastHeaderRow;

    public void Add(RawRow row)
    {
        if (row.Number >= FirstDataRow)
        {
            if (row.Cells.Count == 0) return; // nothing kept: neither a code nor an input, so never reported
            if (!DataRows.TryGetValue(row.Number, out var entry)) entry = (row, new RawCell?[DataColumns.Length]);
            foreach (var cell in row.Cells) entry.Cells[Array.IndexOf(DataColumns, cell.Column)] = cell;
            DataRows[row.Number] = entry;
        }
        else if (row.Number >= FirstHeaderRow && row.Number <= LastHeaderRow)
        {
            HeaderRows.TryGetValue(row.Number, out var entry);
            HeaderRows[row.Number] = (row, row.Cells.Count > 0 ? row.Cells[^1] : entry.Cell);
        }
    }

    /// <summary>Every kept cell, for collecting the shared strings they point at.</summary>
    public IEnumerable<RawCell> All() =>
        HeaderRows.Values.Select(h => h.Cell).Concat(DataRows.Values.SelectMany(d => d.Cells)).OfType<RawCell>();

    private static int HeaderRow(string address) => int.Parse(address.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
