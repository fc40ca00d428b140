namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>A1 references: column letters to numbers and back.</summary>
internal static class CellReferences
{
    /// <summary>The column of <c>H12</c> (8), tolerating <c>$</c>; null when there are no letters.</summary>
    public static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c == '$') continue;
            var upper = (char)(c & ~0x20);
            if (upper is < 'A' or > 'Z') break;
            column = column * 26 + (upper - 'A' + 1);
            if (column > 16384) return null;
        }
        return column == 0 ? null : column;
    }

    public static string ColumnLetters(int column)
    {
        Span<char> buffer = stackalloc char[4];
        var at = buffer.Length;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            buffer[--at] = (char)('A' + rem);
            column = (column - 1) / 26;
        }
        return new string(buffer[at..]);
    }

    public static string Address(int row, int column) => ColumnLetters(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
