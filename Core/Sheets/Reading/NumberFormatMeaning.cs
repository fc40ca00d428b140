namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// Whether a number format shows a date, a duration, text or a plain number, following ClosedXML 0.95.4's load rules
/// (<c>GetDataTypeFromCell</c>/<c>GetDataTypeFromFormat</c>) so readings do not change with the reader:
/// built-in 46 is a duration, 14–22 and 45–47 dates, 49 text; a custom code is a date when its first significant
/// character is a date/time letter (y m d h s) and a number when it is a digit placeholder (0 # ?).
/// </summary>
/// <remarks>
/// Deliberate deviation: ClosedXML scans bracketed sections and escaped characters too, so <c>[Red]0</c> ("d" of Red)
/// or <c>[$-409]0</c> made a number a date. Here colours, conditions and locales in brackets, <c>\x</c> escapes and
/// <c>_x</c>/<c>*x</c> padding are skipped; elapsed-time brackets (<c>[h]</c>, <c>[mm]</c>, <c>[ss]</c>) still count as time.
/// </remarks>
internal static class NumberFormatMeaning
{
    public static NumberMeaning OfBuiltIn(int id) => id switch
    {
        46 => NumberMeaning.TimeSpan,
        >= 14 and <= 22 or >= 45 and <= 47 => NumberMeaning.DateTime,
        49 => NumberMeaning.Text,
        _ => NumberMeaning.Number,
    };

    public static NumberMeaning OfCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            switch (c)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    if (close < 0) return NumberMeaning.Number;
                    i = close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0) return NumberMeaning.Number;
                    if (IsElapsedTime(code.AsSpan(i + 1, end - i - 1))) return NumberMeaning.DateTime;
                    i = end;
                    break;
                case '0' or '#' or '?':
                    return NumberMeaning.Number;
                case 'y' or 'm' or 'd' or 'h' or 's':
                    return NumberMeaning.DateTime;
            }
        }
        return NumberMeaning.Number;
    }

    private static bool IsElapsedTime(ReadOnlySpan<char> inside)
    {
        if (inside.IsEmpty) return false;
        var first = char.ToLowerInvariant(inside[0]);
        if (first is not ('h' or 'm' or 's')) return false;
        foreach (var c in inside)
            if (char.ToLowerInvariant(c) != first) return false;
        return true;
    }
}
