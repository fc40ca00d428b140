using System.Globalization;

namespace ServerlessPlan.Core.Sheets;

/// <summary>How a percentage was found in a cell.</summary>
public enum PercentageSource
{
    /// <summary>Blank: not reported (which is not 0).</summary>
    Empty,

    /// <summary>A number in a non-percent format, taken as percent points (50 → 50).</summary>
    Number,

    /// <summary>A number in a percent format (<c>0%</c>, <c>0.00%</c>): the file holds a fraction, so ×100 (0.5 → 50).</summary>
    PercentFormattedNumber,

    /// <summary>Text holding a bare number ("50", "50,5").</summary>
    Text,

    /// <summary>Text holding a number with a percent sign ("50%", "50,5 %").</summary>
    PercentText,

    /// <summary>Anything else (words, dates, booleans, two decimal separators); <see cref="PercentageReading.Raw"/> says what.</summary>
    Unreadable,
}

/// <summary>
/// THE decision on percentages. The template's programado/ejecutado cells hold percent points 0–100 shown with
/// <see cref="TemplateLayout.PercentDisplayFormat"/> (type 50 → stored 50, shown "50 %"). Reading honours what a
/// person actually typed, whatever the spreadsheet program did with it:
/// a number in a percent format is a fraction (Excel, LibreOffice and Google Sheets store a typed "50%" as 0.5 with
/// <c>0%</c>) → ×100; any other number → as is; text "50", "50%", "50 %", "50,5 %", " 75.0% " → parsed, comma or
/// point as decimal separator; blank → null; anything else → <see cref="PercentageSource.Unreadable"/> with the raw text.
/// Range (0–100) is the validator's business, not the reader's.
/// </summary>
/// <param name="Value">Percent points, or null when empty or unreadable.</param>
/// <param name="Raw">The cell's text as found, for messages (null when empty).</param>
public sealed record PercentageReading(decimal? Value, PercentageSource Source, string? Raw)
{
    public static readonly PercentageReading Empty = new(null, PercentageSource.Empty, null);

    public bool IsEmpty => Source == PercentageSource.Empty;

    public bool IsReadable => Source != PercentageSource.Unreadable;

    /// <summary>
    /// A value in (0, 1] given without any percent marker: possibly meant as a fraction (0.5 for 50 %), so the validator
    /// warns. A percent-formatted cell or "0.5 %" text is explicit and not flagged.
    /// </summary>
    public bool MaybeFraction =>
        Source is PercentageSource.Number or PercentageSource.Text && Value is > 0m and <= 1m;

    public static PercentageReading FromCell(SheetCell cell) => cell.Kind switch
    {
        SheetValueKind.Empty => Empty,
        SheetValueKind.Number when cell.Value is double d => FromNumber(d, cell.NumberFormat, cell.NumberFormatId),
        SheetValueKind.Text => FromText(cell.Text),
        _ => Unreadable(cell.Text),
    };

    public static PercentageReading FromNumber(double number, string? numberFormat, int numberFormatId = 0)
    {
        var raw = number.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsFinite(number) || Math.Abs(number) > 1e15) return Unreadable(raw);
        var value = (decimal)number;
        return IsPercentFormat(numberFormat, numberFormatId)
            ? new(value * 100m, PercentageSource.PercentFormattedNumber, raw)
            : new(value, PercentageSource.Number, raw);
    }

    public static PercentageReading FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        return SheetNumbers.TryParse(text, allowPercent: true, out var value, out var hadPercent)
            ? new(value, hadPercent ? PercentageSource.PercentText : PercentageSource.Text, text)
            : Unreadable(text);
    }

    /// <summary>
    /// True for the built-in percent formats (ids 9 and 10) and for custom codes with a '%' outside quotes and not
    /// escaped — Excel divides by 100 on entry only then; <c>0.##" %"</c> (the template's own) is not a percent format.
    /// </summary>
    public static bool IsPercentFormat(string? numberFormat, int numberFormatId = 0)
    {
        if (numberFormatId is 9 or 10) return true;
        if (string.IsNullOrEmpty(numberFormat)) return false;
        var quoted = false;
        for (var i = 0; i < numberFormat.Length; i++)
        {
            var c = numberFormat[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '\\') i++;
            else if (!quoted && c == '%') return true;
        }
        return false;
    }

    private static PercentageReading Unreadable(string raw) => new(null, PercentageSource.Unreadable, raw);
}
