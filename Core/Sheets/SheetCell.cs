namespace ServerlessPlan.Core.Sheets;

/// <summary>What kind of value a cell held, as stored in the file.</summary>
public enum SheetValueKind
{
    Empty,
    Text,
    Number,
    Boolean,
    DateTime,
    TimeSpan,
}

/// <summary>
/// One cell of an upload exactly as found: never evaluated (a formula contributes its cached value only),
/// never coerced. The validator reports from this; the pre-parsed readings are conveniences.
/// </summary>
/// <param name="Address">A1 address on the report sheet, e.g. <c>H12</c>.</param>
/// <param name="Value">string, double, bool, DateTime or TimeSpan according to <paramref name="Kind"/>; null when empty.</param>
/// <param name="Text">The value as invariant text ("" when empty), for messages.</param>
/// <param name="NumberFormat">The custom number format code, "" for built-in formats (see <paramref name="NumberFormatId"/>).</param>
/// <param name="NumberFormatId">The built-in format id (e.g. 9 = <c>0%</c>), or -1/0 when custom/general.</param>
/// <param name="Formula">The formula text (without '=') when the cell held one.</param>
public sealed record SheetCell(
    string Address,
    SheetValueKind Kind,
    object? Value,
    string Text,
    string NumberFormat,
    int NumberFormatId,
    string? Formula)
{
    public bool IsEmpty => Kind == SheetValueKind.Empty;

    /// <summary>
    /// How many characters the cell's text had in the file. The reader keeps at most
    /// <see cref="Reading.ReadingLimits.MaxCellTextChars"/> of it in <see cref="Text"/>, so "too long" is judged on this.
    /// </summary>
    public long FoundLength
    {
        get => _foundLength ?? Text.Length;
        init => _foundLength = value;
    }

    private readonly long? _foundLength;

    public bool IsFormula => Formula is not null;

    public static SheetCell EmptyAt(string address) => new(address, SheetValueKind.Empty, null, "", "", 0, null);
}
