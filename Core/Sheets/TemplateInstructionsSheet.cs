using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Sheets;

/// <summary>The instructions sheet: headings and paragraphs from <see cref="TemplateTexts.Instructions"/>, one per row.</summary>
internal static class TemplateInstructionsSheet
{
    public static void Write(IXLWorksheet ws, ReportingUnit unit, ReportingPeriod period, DateOnly dueDate, Language language)
    {
        ws.Column(1).Width = 110;
        var row = 1;
        foreach (var (heading, paragraphs) in TemplateTexts.Instructions(unit, period, dueDate, language))
        {
            var h = ws.Cell(row++, 1);
            h.SetValue(heading);
            h.Style.Font.SetBold().Font.SetFontSize(12);
            foreach (var paragraph in paragraphs)
            {
                var p = ws.Cell(row++, 1);
                p.SetValue(paragraph);
                p.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            }
            row++;
        }
        ws.Protect();
    }
}
