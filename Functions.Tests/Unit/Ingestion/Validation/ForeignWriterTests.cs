using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>
/// Sheets do not only come back from ClosedXML: scripts and other spreadsheet programs write cells their own way —
/// inline strings instead of the shared-string table, a percent number format on a typed "50%", no cached styles.
/// A template filled with the raw Open XML SDK, as a script would, must read back exactly.
/// </summary>
public sealed class ForeignWriterTests
{
    private static readonly ReportingUnit Guatemala = RealPlan.Unit("GT");
    private static readonly ReportingPeriod Period = ReportingPeriod.Parse("2021-Q3");

    [Fact]
    public void A_template_filled_by_a_script_with_inline_strings_and_a_percent_format_is_read_as_typed()
    {
        var template = new TemplateWriter(RealPlan.Plans, Options.Create(new ReportingOptions())).Write(Guatemala, Period, Guatemala.Language);
        var activities = RealPlan.Catalog.ActivitiesFor(Guatemala);
        var first = TemplateLayout.FirstDataRow;

        var filled = FillWithOpenXml(template, sheet =>
        {
            SetInline(sheet, TemplateLayout.FocalNameCell, "Ana Pérez");
            SetInline(sheet, TemplateLayout.FocalEmailCell, "ana.perez@example.org");
            for (var i = 0; i < activities.Count; i++)
            {
                var row = first + i;
                SetNumber(sheet, $"{TemplateLayout.EjecutadoColumnLetter}{row}", "10");
                SetInline(sheet, $"{TemplateLayout.StatusColumnLetter}{row}", "En proceso");
                SetInline(sheet, $"{TemplateLayout.ObservationsColumnLetter}{row}", "Según cronograma");
            }
            // A script writing 0.5 with Excel's built-in 0% format, and another typing text with a percent sign.
            SetNumber(sheet, $"{TemplateLayout.EjecutadoColumnLetter}{first + 1}", "0.5", PercentStyle(sheet));
            SetInline(sheet, $"{TemplateLayout.EjecutadoColumnLetter}{first + 2}", "75,5 %");
        });

        var validation = Findings.Validate(filled, new UploadExpectation("GT", Period));

        Assert.True(validation.Report.Accepted, string.Join("\n", validation.Report.Errors.Select(e => e.Message)));
        Assert.Equal(activities.Count, validation.Activities.Count);
        Assert.Equal(10m, validation.Activities[0].Ejecutado);
        Assert.Equal(50m, validation.Activities[1].Ejecutado);
        Assert.Equal(75.5m, validation.Activities[2].Ejecutado);
        Assert.All(validation.Activities, a => Assert.Equal(ActivityStatus.InProgress, a.Status));
        Assert.Equal("ana.perez@example.org", validation.FocalEmail);
    }

    private static byte[] FillWithOpenXml(byte[] template, Action<WorksheetPart> fill)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbookPart = document.WorkbookPart!;
            var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => TemplateLayout.IsReportSheet(s.Name));
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            fill(part);
            part.Worksheet.Save();
            workbookPart.WorkbookStylesPart!.Stylesheet.Save();
        }
        return stream.ToArray();
    }

    private static Cell CellAt(WorksheetPart part, string address)
    {
        var rowIndex = uint.Parse(new string(address.SkipWhile(char.IsLetter).ToArray()));
        var data = part.Worksheet.GetFirstChild<SheetData>()!;
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == rowIndex)
            ?? data.AppendChild(new Row { RowIndex = rowIndex });
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == address);
        if (cell is not null) return cell;
        // Cells must stay in column order within a row.
        var after = row.Elements<Cell>().LastOrDefault(c => Column(c.CellReference!) < Column(address));
        cell = new Cell { CellReference = address };
        if (after is null) row.PrependChild(cell); else after.InsertAfterSelf(cell);
        return cell;
    }

    private static int Column(string address) =>
        address.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));

    private static void SetInline(WorksheetPart part, string address, string text)
    {
        var cell = CellAt(part, address);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.InlineString;
        cell.AppendChild(new InlineString(new Text(text)));
    }

    private static void SetNumber(WorksheetPart part, string address, string number, uint? style = null)
    {
        var cell = CellAt(part, address);
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.CellValue = new CellValue(number);
        if (style is not null) cell.StyleIndex = style;
    }

    /// <summary>Adds a cell format using Excel's built-in percent number format (id 9, <c>0%</c>).</summary>
    private static uint PercentStyle(WorksheetPart part)
    {
        var styles = part.GetParentParts().OfType<WorkbookPart>().Single().WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!;
        formats.AppendChild(new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true });
        formats.Count = (uint)formats.ChildElements.Count;
        return formats.Count - 1;
    }
}
