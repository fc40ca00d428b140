using ClosedXML.Excel;

namespace ServerlessPlan.Tests.Support;

/// <summary>One year's two cells of an activity's row in the filled plan matrix, as an analyst reads them.</summary>
/// <param name="Ejecutado">The number stored (full precision); null when the cell holds text or nothing.</param>
/// <param name="Shown">What Excel shows for the ejecutado cell: its number format for a number ("0.0\" % (7 de 9)\""), else its text.</param>
internal sealed record PlanMatrixCells(double? Programado, double? Ejecutado, string Shown, bool Italic);

/// <summary>
/// The filled plan matrix read with ClosedXML the way a person reads it: columns found by their headers (the year's
/// title on the first header row, Programado / Ejecutado under it), activity rows by the code in the first column.
/// </summary>
internal sealed class PlanMatrixReading
{
    private const int YearHeaderRow = 3;
    private readonly Dictionary<int, int> _programado = [];

    public PlanMatrixReading(XLWorkbook workbook, string sheet, string yearWord)
    {
        Sheet = workbook.Worksheet(sheet);
        foreach (var cell in Sheet.Row(YearHeaderRow).CellsUsed())
        {
            var text = cell.GetString();
            if (!text.StartsWith(yearWord + " ", StringComparison.Ordinal)) continue;
            var year = int.Parse(text.AsSpan(yearWord.Length + 1, 4), System.Globalization.CultureInfo.InvariantCulture);
            _programado[year] = cell.Address.ColumnNumber;
            YearTitles[year] = text;
        }

        foreach (var row in Sheet.RowsUsed().Where(r => r.RowNumber() > YearHeaderRow + 1))
        {
            var code = row.Cell(1).GetString();
            if (code.Length > 0 && char.IsDigit(code[0]) && !row.Cell(1).IsMerged()) Rows[code] = row.RowNumber();
        }
    }

    public IXLWorksheet Sheet { get; }

    /// <summary>Each year's title ("Año 2021 (al 2021-Q4)"), by year.</summary>
    public Dictionary<int, string> YearTitles { get; } = [];

    /// <summary>The row of each activity, by code, in sheet order.</summary>
    public Dictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>Header texts of the fixed columns and of the row under the years' titles.</summary>
    public IReadOnlyList<string> SecondHeaderRow => Sheet.Row(YearHeaderRow + 1).Cells(1, Sheet.LastColumnUsed()!.ColumnNumber())
        .Select(c => c.IsMerged() ? c.MergedRange().FirstCell().GetString() : c.GetString()).ToList();

    public string Text(string code, int column) => Sheet.Cell(Rows[code], column).GetString();

    public PlanMatrixCells Cells(string code, int year)
    {
        var row = Rows[code];
        var programado = Sheet.Cell(row, _programado[year]);
        var ejecutado = Sheet.Cell(row, _programado[year] + 1);
        var number = ejecutado.DataType == XLDataType.Number ? ejecutado.GetDouble() : (double?)null;
        return new PlanMatrixCells(
            programado.IsEmpty() ? null : programado.GetDouble(),
            number,
            number is null ? ejecutado.GetString() : ejecutado.Style.NumberFormat.Format,
            ejecutado.Style.Font.Italic);
    }
}
