using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>The first rows of one sheet, where the header row and the plan fields are looked for.</summary>
internal sealed record SheetHead(string Name, IReadOnlyList<MatrixRow> Rows);

/// <summary>One row as read: its 1-based number and its non-empty cells by 1-based column.</summary>
internal sealed record MatrixRow(int Number, IReadOnlyDictionary<int, SheetCell> Cells)
{
    public SheetCell? At(int column) => Cells.GetValueOrDefault(column);
}

/// <summary>The data sheet: where its header row is, what each header column is, and the rows below it.</summary>
internal sealed record MatrixDataSheet(
    string Name,
    MatrixRow HeaderRow,
    IReadOnlyList<MatrixRow> Rows,
    bool RowsBeyondLimit);

/// <summary>What <see cref="MatrixWorkbookReader"/> found: every sheet's head and, when a header row was found, the data.</summary>
internal sealed record MatrixWorkbook(IReadOnlyList<SheetHead> Heads, MatrixDataSheet? Data);
