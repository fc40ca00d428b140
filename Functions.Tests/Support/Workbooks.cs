using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Tests.Support;

/// <summary>Edits a workbook the way a person (or Excel) would, for tests that read uploads back.</summary>
public static class Workbooks
{
    /// <summary>Opens the workbook, lets <paramref name="edit"/> change it, and returns the saved bytes.</summary>
    public static byte[] Edit(byte[] xlsx, Action<XLWorkbook> edit)
    {
        using var wb = new XLWorkbook(new MemoryStream(xlsx));
        edit(wb);
        using var output = new MemoryStream();
        wb.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>
    /// Gives a formula cell the cached value Excel would have stored on save (ClosedXML writes formulas without one).
    /// <paramref name="isText"/> stores it as a string result (<c>t="str"</c>), otherwise as a number.
    /// </summary>
    public static byte[] SetCachedValue(byte[] xlsx, string sheet, string address, string value, bool isText = false)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = doc.WorkbookPart!;
            var id = workbook.Workbook.Descendants<S.Sheet>().Single(s => s.Name == sheet).Id!.Value!;
            var part = (WorksheetPart)workbook.GetPartById(id);
            var cell = part.Worksheet.Descendants<S.Cell>().Single(c => c.CellReference == address);
            if (cell.CellFormula is null) throw new InvalidOperationException($"{address} holds no formula.");
            cell.CellValue = new S.CellValue(value);
            cell.DataType = isText ? S.CellValues.String : null;
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }
}
