namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>What a number stored under a cell format means, decided from the format alone.</summary>
internal enum NumberMeaning
{
    Number,
    DateTime,
    TimeSpan,

    /// <summary>The built-in text format <c>@</c> (id 49): a number typed there is read as its text.</summary>
    Text,
}

/// <summary>
/// One <c>cellXfs</c> entry's number format as <see cref="SheetCell"/> reports it: the custom code ("" for built-in
/// formats) and the built-in id (-1 for custom), plus what a stored number means under it.
/// </summary>
internal sealed record CellNumberFormat(string Format, int Id, NumberMeaning Meaning)
{
    public static readonly CellNumberFormat General = new("", 0, NumberMeaning.Number);

    public static CellNumberFormat BuiltIn(int id) => new("", id, NumberFormatMeaning.OfBuiltIn(id));

    public static CellNumberFormat Custom(string code) => new(code, -1, NumberFormatMeaning.OfCode(code));
}
