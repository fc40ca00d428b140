using ClosedXML.Excel;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// Explicit heights for rows of wrapped text. Excel sizes such a row by itself, but LibreOffice does not recompute row
/// heights when it opens an .xlsx, and neither does a printout made from it: the text of one row runs over the next.
/// No library measures text here (ClosedXML's AdjustToContents needs System.Drawing's native fonts, absent on Linux),
/// so the lines are estimated from the text's length and the column's width, generously.
/// </summary>
public static class RowHeights
{
    /// <summary>Points per line of 11-point text, with its leading.</summary>
    public const double LineHeight = 15;

    /// <summary>Characters of ordinary text that fit on one line of a column one character unit wide.</summary>
    private const double CharactersPerWidthUnit = 1.05;

    /// <summary>Lines <paramref name="text"/> takes wrapped in a column <paramref name="width"/> character units wide.</summary>
    public static int Lines(string? text, double width)
    {
        if (string.IsNullOrEmpty(text)) return 1;
        var perLine = Math.Max(1, (int)(width * CharactersPerWidthUnit));
        return text.Split('\n').Sum(paragraph => Math.Max(1, (int)Math.Ceiling(paragraph.Length / (double)perLine)));
    }

    /// <summary>Sets the row's height to fit the longest wrapped text among its unmerged cells from <paramref name="firstColumn"/> to <paramref name="lastColumn"/>.</summary>
    public static void Fit(IXLWorksheet sheet, int row, int firstColumn, int lastColumn)
    {
        var lines = 1;
        for (var column = firstColumn; column <= lastColumn; column++)
        {
            var cell = sheet.Cell(row, column);
            if (cell.IsMerged() || cell.IsEmpty()) continue;
            lines = Math.Max(lines, Lines(cell.GetString(), sheet.Column(column).Width));
        }

        sheet.Row(row).Height = Math.Max(LineHeight, lines * LineHeight);
    }

    /// <summary>
    /// Makes rows <paramref name="firstRow"/>…<paramref name="lastRow"/> together tall enough for <paramref name="text"/>
    /// wrapped in a merged range <paramref name="width"/> units wide, adding what is missing to the last row.
    /// </summary>
    public static void FitMerged(IXLWorksheet sheet, int firstRow, int lastRow, string text, double width)
    {
        var needed = Lines(text, width) * LineHeight;
        var have = Enumerable.Range(firstRow, lastRow - firstRow + 1).Sum(r => sheet.Row(r).Height);
        if (needed > have) sheet.Row(lastRow).Height += needed - have;
    }
}
