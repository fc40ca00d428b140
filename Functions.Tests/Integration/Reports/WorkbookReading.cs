using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>Reads a workbook's cells at the XML level, to see what Excel would see (formulas, text types).</summary>
public static class WorkbookReading
{
    public sealed record XmlCell(string Sheet, string Reference, string Text, bool HasFormula, string? Type);

    public static List<XmlCell> Cells(Stream package)
    {
        package.Position = 0;
        using var doc = SpreadsheetDocument.Open(package, false);
        var workbookPart = doc.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<XmlCell>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var type = cell.DataType?.InnerText;
                var text = type switch
                {
                    "s" => cell.CellValue is { } index ? shared[int.Parse(index.Text)] : "",
                    "inlineStr" => cell.InlineString?.InnerText ?? "",
                    _ => cell.CellValue?.Text ?? "",
                };
                result.Add(new XmlCell(sheet.Name!, cell.CellReference!, text, cell.CellFormula is not null, type));
            }
        }
        package.Position = 0;
        return result;
    }
}
