using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// The instructions sheet: headings and paragraphs from <see cref="TemplateTexts.Instructions"/>, one per row; the
/// paragraph giving the portal's address of the unit's quarter links to it.
/// </summary>
internal static class TemplateInstructionsSheet
{
    public static void Write(IXLWorksheet ws, ReportingUnit unit, ReportingPeriod period, QuarterDates dueDate, Language language,
        IReadOnlyList<PlanActivity> activities, string? portalPage)
    {
        ws.Column(1).Width = 100;
        var title = ws.Cell(1, 1);
        title.SetValue($"{TemplateLayout.InstructionsSheet(language)} — {unit.Name.In(language)}, {period.Label(language)}");
        title.Style.Font.SetBold().Font.SetFontSize(14);
        var row = 3;
        foreach (var (heading, paragraphs) in TemplateTexts.Instructions(unit, period, dueDate, language, activities, portalPage))
        {
            var h = ws.Cell(row++, 1);
            h.SetValue(heading);
            h.Style.Font.SetBold().Font.SetFontSize(12);
            foreach (var paragraph in paragraphs)
            {
                var p = ws.Cell(row++, 1);
                p.SetValue(paragraph);
                if (portalPage is not null && paragraph.Contains(portalPage, StringComparison.Ordinal)) p.Hyperlink = new XLHyperlink(new Uri(portalPage));
                p.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                RowHeights.Fit(ws, p.Address.RowNumber, 1, 1);
            }
            row++;
        }
        PrintLayout.Apply(ws, 1, 1);
        ws.Protect();
    }
}
