namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>One <c>&lt;row&gt;</c> as found: the cells the caller asked for and whether any cell held anything.</summary>
/// <param name="Number">1-based; inferred as the previous row + 1 when the row has no <c>r</c>.</param>
/// <param name="Style">The row's own style (<c>s</c> with <c>customFormat</c>), which cells absent from the row take.</param>
/// <param name="Used">True when any cell of the row, wanted or not, held a value or formula.</param>
internal sealed record RawRow(int Number, int Style, IReadOnlyList<RawCell> Cells, bool Used);
