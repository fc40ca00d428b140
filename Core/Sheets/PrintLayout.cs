using ClosedXML.Excel;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// How every printable sheet of the template and the merged workbook prints: landscape, one page wide (as many tall as
/// it takes), narrow margins, the header rows repeated on every page and the page number in the footer. Without it a
/// wide table prints as dozens of portrait pages with its columns split across them.
/// </summary>
public static class PrintLayout
{
    /// <param name="titleFirstRow">First row repeated at the top of every printed page (1-based).</param>
    /// <param name="titleLastRow">Last row repeated.</param>
    public static void Apply(IXLWorksheet sheet, int titleFirstRow, int titleLastRow)
    {
        var page = sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.6).SetBottom(0.6).SetHeader(0.3).SetFooter(0.3);
        page.SetRowsToRepeatAtTop(titleFirstRow, titleLastRow);
        page.Footer.Center.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Center.AddText(" / ");
        page.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages);
    }
}
