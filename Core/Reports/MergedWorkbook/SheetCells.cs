using System.Text;
using ClosedXML.Excel;
using ServerlessPlan.Core.Sheets;

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
    public const string CountFormat = "0";
    public const string DateFormat = "yyyy-mm-dd hh:mm";

    /// <summary>A day as the workbook's readers say it, "30 de octubre de 2021", kept a date (Spanish locale, LCID 0x0C0A).</summary>
    public const string SpanishDayFormat = "[$-C0A]d \"de\" mmmm \"de\" yyyy";

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

    /// <summary>A whole number (a count), shown without decimals, centred so it never runs into the text beside it.</summary>
    public static IXLCell Count(this IXLCell cell, int value)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = CountFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        return cell;
    }

    /// <summary>Every used cell of the sheet aligned to the top, so a short value sits level with the wrapped text beside it.</summary>
    public static void AlignTop(IXLWorksheet sheet) => sheet.RangeUsed()?.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);

    /// <summary>A day, stored as a date and shown "30 de octubre de 2021".</summary>
    public static IXLCell Day(this IXLCell cell, DateOnly value)
    {
        cell.SetValue(value.ToDateTime(TimeOnly.MinValue));
        cell.Style.NumberFormat.Format = SpanishDayFormat;
        return cell;
    }

    /// <summary>A sentence over merged columns <paramref name="first"/>…<paramref name="last"/>, wrapped, its row tall enough for it.</summary>
    public static IXLCell Sentence(IXLWorksheet sheet, int row, int first, int last, string text)
    {
        var range = sheet.Range(row, first, row, last);
        range.Merge();
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        var width = Enumerable.Range(first, last - first + 1).Sum(c => sheet.Column(c).Width);
        sheet.Row(row).Height = RowHeights.Lines(text, width) * RowHeights.LineHeight;
        return sheet.Cell(row, first).Text(text);
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

    /// <summary>Header row: bold on a light fill, wrapped so explicit widths stay narrow (set the widths first: the row's height follows them).</summary>
    public static void Header(IXLWorksheet sheet, int row, params string[] titles)
    {
        for (var i = 0; i < titles.Length; i++) sheet.Cell(row, i + 1).Text(titles[i]);
        var range = sheet.Range(row, 1, row, titles.Length);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        // Bold text is wider than the estimate assumes: one line to spare.
        RowHeights.Fit(sheet, row, 1, titles.Length);
        sheet.Row(row).Height += RowHeights.LineHeight;
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
