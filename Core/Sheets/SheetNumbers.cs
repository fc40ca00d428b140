using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessPlan.Core.Sheets;

/// <summary>Numbers as people type them in a sheet: a numeric cell, or text with a point or a comma as decimal separator.</summary>
internal static partial class SheetNumbers
{
    /// <summary>Null when blank or not a plain number (words, dates, "1.000,5").</summary>
    public static decimal? Read(SheetCell cell) => cell.Kind switch
    {
        SheetValueKind.Number when cell.Value is double d && double.IsFinite(d) && Math.Abs(d) < 1e15 => (decimal)d,
        SheetValueKind.Text => TryParse(cell.Text, allowPercent: false, out var value, out _) ? value : null,
        _ => null,
    };

    /// <summary>
    /// One optional sign, digits with at most one decimal separator (so "1.000,5" is rejected, not guessed), an optional
    /// trailing '%' when allowed; surrounding whitespace ignored (.NET's \s includes no-break spaces).
    /// </summary>
    public static bool TryParse(string? text, bool allowPercent, out decimal value, out bool hadPercent)
    {
        value = 0;
        hadPercent = false;
        if (text is null) return false;
        var m = Pattern().Match(text);
        if (!m.Success || (m.Groups["pct"].Success && !allowPercent)) return false;
        hadPercent = m.Groups["pct"].Success;
        return decimal.TryParse(m.Groups["n"].Value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^\s*(?<n>[+-]?(\d+([.,]\d*)?|[.,]\d+))\s*(?<pct>%)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
