using System.Text;
using ClosedXML.Excel;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// How the workbook writes values. Text that came from a country is always a literal string: a value such as
/// <c>=HYPERLINK(…)</c> or <c>+1+1</c> must never become a formula in an analyst's Excel.
/// </summary>
internal static class SheetCells
{
    /// <summary>Excel's limit for one cell's text.</summary>
    internal const int MaxCellText = 32_767;

    public const string PercentFormat = "0.0";
    public const string DateFormat = "yyyy-mm-dd hh:mm";

    public static IXLCell Text(this IXLCell cell, string? value)
    {
        var text = Clean(value);
        if (text.Length == 0) return cell;
        // SetValue<string> stores a string as text and, unlike the Value setter, never reads "=…" as a formula.
        cell.SetValue<string>(text);
        cell.DataType = XLDataType.Text;
        return cell;
    }

    public static IXLCell Percent(this IXLCell cell, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = PercentFormat;
        }
        return cell;
    }

    public static IXLCell Number(this IXLCell cell, double? value)
    {
        if (value is { } v && double.IsFinite(v)) cell.SetValue(v);
        return cell;
    }

    public static IXLCell Date(this IXLCell cell, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            cell.SetValue(v.UtcDateTime);
            cell.Style.NumberFormat.Format = DateFormat;
        }
        return cell;
    }

    /// <summary>Header row: bold on a light fill, wrapped so explicit widths stay narrow.</summary>
    public static void Header(IXLWorksheet sheet, int row, params string[] titles)
    {
        for (var i = 0; i < titles.Length; i++) sheet.Cell(row, i + 1).Text(titles[i]);
        var range = sheet.Range(row, 1, row, titles.Length);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    public static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++) sheet.Column(i + 1).Width = widths[i];
    }

    /// <summary>Drops characters XML 1.0 cannot carry and truncates to Excel's cell limit.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var valid = true;
        foreach (var c in value)
            if (!IsXmlChar(c) || char.IsSurrogate(c)) { valid = false; break; }

        var text = value;
        if (!valid)
        {
            var sb = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append(c).Append(value[++i]);
                }
                else if (IsXmlChar(c) && !char.IsSurrogate(c))
                {
                    sb.Append(c);
                }
            }
            text = sb.ToString();
        }

        if (text.Length <= MaxCellText) return text;
        var cut = MaxCellText;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut];
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xFFFD && c is not '\uFFFE' and not '\uFFFF');
}
