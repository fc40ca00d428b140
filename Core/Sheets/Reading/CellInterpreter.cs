using System.Globalization;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// Turns a cell as stored (<see cref="RawCell"/>) into a <see cref="SheetCell"/> with the semantics the ClosedXML
/// reader had, so validation does not change with the reader: never evaluates, whitespace-only text is empty,
/// a formula contributes its cached value only, a value that does not parse is the unreadable text "#?". A value the
/// reader had to cut (<see cref="ReadingLimits.MaxCellTextChars"/>) is text that keeps its length as found, or unreadable
/// where a number, date or boolean was stored: a truncated number is not the number that was typed.
/// </summary>
internal sealed class CellInterpreter(WorkbookStyles styles, SharedStrings strings, bool date1904)
{
    /// <summary>Serial day 0 of the 1904 system is day 1462 of the 1900 system.</summary>
    private const double Days1904 = 1462;

    public const string UnreadableText = "#?";

    public SheetCell Absent(string address, int style)
    {
        var format = styles.Of(style);
        return new(address, SheetValueKind.Empty, null, "", format.Format, format.Id, null);
    }

    public SheetCell Read(RawCell cell, string address)
    {
        var format = styles.Of(cell.Style);
        var cut = cell.Value is { } v && cell.ValueLength > v.Length;
        if (cell.Formula is { } formula) return FromCached(address, cell, format, formula, cut);
        return cell.Type switch
        {
            _ when cell.UnknownType is not null => Unreadable(address, format),
            RawCellType.InlineString => Text(address, cell.InlineText ?? "", format, null, cell.InlineLength),
            // A string result kept without its formula (t="str") is text, as ClosedXML read it. ClosedXML left a typed
            // error (t="e", #N/A) blank; it is something the person put there, so it is surfaced as text like a cached
            // error (and is unreadable where a number belongs).
            RawCellType.Error or RawCellType.FormulaString => Text(address, cell.Value ?? "", format, null, cell.ValueLength),
            _ when cut => Unreadable(address, format),
            RawCellType.SharedString => SharedString(address, cell.Value, format),
            RawCellType.Boolean => BooleanCell(address, cell.Value, format),
            RawCellType.Date => DateCell(address, cell.Value, format),
            _ => NumberCell(address, cell.Value, format),
        };
    }

    /// <summary>
    /// As ClosedXML 0.95.4 read a formula's cached value: a boolean result (<c>t="b"</c>) is a boolean; otherwise the
    /// cached text decides — numeric-looking is a number (whatever the cell's date or percent format), anything else
    /// (<c>#DIV/0!</c>, a string result) is text.
    /// </summary>
    private static SheetCell FromCached(string address, RawCell cell, CellNumberFormat format, string formula, bool cut)
    {
        var cached = cell.Value;
        if (cached is null) return new(address, SheetValueKind.Empty, null, "", format.Format, format.Id, formula);
        if (cut) return Text(address, cached, format, formula, cell.ValueLength);
        if (cell.Type == RawCellType.Boolean && ParseBoolean(cached) is { } flag)
            return new(address, SheetValueKind.Boolean, flag, flag ? "TRUE" : "FALSE", format.Format, format.Id, formula);
        return double.TryParse(cached, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? Number(address, n, format, formula)
            : Text(address, cached, format, formula);
    }

    private SheetCell SharedString(string address, string? value, CellNumberFormat format)
    {
        if (string.IsNullOrWhiteSpace(value)) return Empty(address, format);
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && strings.TryGet(index, out var text)
            ? Text(address, text.Text, format, null, text.Length)
            : Unreadable(address, format);
    }

    private static SheetCell BooleanCell(string address, string? value, CellNumberFormat format)
    {
        if (string.IsNullOrWhiteSpace(value)) return Empty(address, format);
        return ParseBoolean(value) is { } flag
            ? new(address, SheetValueKind.Boolean, flag, flag ? "TRUE" : "FALSE", format.Format, format.Id, null)
            : Unreadable(address, format);
    }

    private static bool? ParseBoolean(string value) => value.Trim() switch
    {
        "1" => true,
        "0" => false,
        var v when bool.TryParse(v, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// <c>t="d"</c>: an ISO 8601 date-time (ClosedXML could not open a workbook holding one); a serial number is also
    /// accepted, as ClosedXML did.
    /// </summary>
    private SheetCell DateCell(string address, string? value, CellNumberFormat format)
    {
        if (string.IsNullOrWhiteSpace(value)) return Empty(address, format);
        if (TryParseNumber(value, out var serial)) return FromSerial(address, serial, format);
        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? DateTimeCell(address, DateTime.SpecifyKind(date, DateTimeKind.Unspecified), format)
            : Unreadable(address, format);
    }

    private SheetCell NumberCell(string address, string? value, CellNumberFormat format)
    {
        // A typed cell without a value (<c t="n"/>, as ClosedXML and other tools save a cleared cell) is blank.
        if (string.IsNullOrWhiteSpace(value)) return Empty(address, format);
        if (!TryParseNumber(value, out var number)) return Unreadable(address, format);
        return format.Meaning switch
        {
            NumberMeaning.DateTime => FromSerial(address, number, format),
            NumberMeaning.TimeSpan => TimeSpanCell(address, number, format),
            // Under the text format "@" a number reads as the text it shows.
            NumberMeaning.Text => Text(address, number.ToString(CultureInfo.InvariantCulture), format, null),
            _ => Number(address, number, format, null),
        };
    }

    private SheetCell FromSerial(string address, double serial, CellNumberFormat format)
    {
        if (date1904) serial += Days1904;
        if (serial is < -657435.0 or >= 2958466.0 || double.IsNaN(serial)) return Unreadable(address, format);
        return DateTimeCell(address, DateTime.FromOADate(serial), format);
    }

    private static SheetCell TimeSpanCell(string address, double days, CellNumberFormat format)
    {
        if (!double.IsFinite(days) || Math.Abs(days) >= TimeSpan.MaxValue.TotalDays) return Unreadable(address, format);
        var span = TimeSpan.FromDays(days);
        return new(address, SheetValueKind.TimeSpan, span, span.ToString("c", CultureInfo.InvariantCulture), format.Format, format.Id, null);
    }

    /// <summary>A value whose stored type does not parse: unreadable text, not a failed upload.</summary>
    private static SheetCell Unreadable(string address, CellNumberFormat format) =>
        new(address, SheetValueKind.Text, null, UnreadableText, format.Format, format.Id, null);

    private static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out number);

    private static SheetCell Empty(string address, CellNumberFormat format) =>
        new(address, SheetValueKind.Empty, null, "", format.Format, format.Id, null);

    private static SheetCell Number(string address, double value, CellNumberFormat format, string? formula) =>
        new(address, SheetValueKind.Number, value, value.ToString("R", CultureInfo.InvariantCulture), format.Format, format.Id, formula);

    private static SheetCell DateTimeCell(string address, DateTime value, CellNumberFormat format) =>
        new(address, SheetValueKind.DateTime, value,
            value.ToString(value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            format.Format, format.Id, null);

    /// <summary>Whitespace-only text counts as empty: nobody means to report a space.</summary>
    /// <param name="length">The text's length as found, when the reader kept less of it.</param>
    private static SheetCell Text(string address, string text, CellNumberFormat format, string? formula, long length = 0) =>
        string.IsNullOrWhiteSpace(text) && length <= text.Length
            ? new(address, SheetValueKind.Empty, null, "", format.Format, format.Id, formula)
            : length > text.Length
                ? new(address, SheetValueKind.Text, text, text, format.Format, format.Id, formula) { FoundLength = length }
                : new(address, SheetValueKind.Text, text, text, format.Format, format.Id, formula);
}
