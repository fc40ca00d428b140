using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.PlanWorkbook.PlanMatrixLayout;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// Writes a plan as the workbook the Secretaría Técnica edits (<c>plan export</c>): the <i>Matriz</i> sheet (one row
/// per activity, the seed's columns, English texts in their own columns, Spanish and English header rows) and the
/// instructions sheet (the plan's own fields on top, then the instructions in Spanish and English). Written with
/// ClosedXML: this is our own workbook; reading one back goes through <see cref="PlanMatrixImporter"/>.
/// </summary>
public sealed class PlanMatrixWriter
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#1F4E78");
    private static readonly XLColor EnglishHeaderFill = XLColor.FromHtml("#2E75B6");
    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF2CC");

    public byte[] Write(PlanCatalog catalog)
    {
        using var buffer = new MemoryStream();
        Write(buffer, catalog);
        return buffer.ToArray();
    }

    public void Write(Stream output, PlanCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(catalog);
        using var workbook = new XLWorkbook();
        var matrix = workbook.AddWorksheet(DataSheet);
        WriteMatrix(matrix, catalog);
        WriteInstructions(workbook.AddWorksheet(InstructionsSheet), catalog);
        matrix.SetTabActive();
        workbook.SaveAs(output);
    }

    /// <summary>The data sheet's columns in order: the seed's, each year's programado and ejecutado, then the English texts.</summary>
    public static IReadOnlyList<MatrixHeader> Columns(PlanCatalog catalog)
    {
        var columns = new List<MatrixHeader>();
        foreach (var column in Enum.GetValues<MatrixColumn>())
        {
            if (column == MatrixColumn.Ejecutado) continue;
            if (column != MatrixColumn.Programado)
            {
                columns.Add(new MatrixHeader(column));
                continue;
            }
            for (var year = catalog.FirstYear; year <= catalog.LastYear; year++)
                columns.AddRange([new MatrixHeader(MatrixColumn.Programado, year), new MatrixHeader(MatrixColumn.Ejecutado, year)]);
        }
        return columns;
    }

    private static void WriteMatrix(IXLWorksheet ws, PlanCatalog catalog)
    {
        var columns = Columns(catalog);
        var last = columns.Count;
        ws.Cell(TitleRow, 1).SetValue(catalog.Title.Es).Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(EnglishTitleRow, 1).SetValue(catalog.Title.En).Style.Font.SetItalic();
        ws.Cell(HintRow, 1).SetValue($"{PlanMatrixTexts.Hint.Es} / {PlanMatrixTexts.Hint.En}").Style.Font.SetItalic();

        for (var c = 0; c < last; c++)
        {
            var header = columns[c];
            var text = MatrixHeaders.For(header.Column, header.Year);
            ws.Cell(HeaderRow, c + 1).SetValue(text.Es);
            ws.Cell(EnglishHeaderRow, c + 1).SetValue(text.En);
            ws.Column(c + 1).Width = Width(header.Column);
        }
        ws.Range(HeaderRow, 1, HeaderRow, last).Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill);
        ws.Range(EnglishHeaderRow, 1, EnglishHeaderRow, last).Style.Font.SetItalic().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(EnglishHeaderFill);
        ws.Range(HeaderRow, 1, EnglishHeaderRow, last).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Center);

        var row = FirstDataRow;
        foreach (var axis in catalog.Axes)
        {
            foreach (var strategic in axis.StrategicObjectives)
            {
                foreach (var operational in strategic.OperationalObjectives)
                {
                    foreach (var activity in operational.Activities)
                    {
                        for (var c = 0; c < last; c++) WriteCell(ws.Cell(row, c + 1), columns[c], axis, strategic, operational, activity);
                        row++;
                    }
                }
            }
        }

        var lastRow = row - 1 + SpareRows;
        var data = ws.Range(FirstDataRow, 1, lastRow, last);
        data.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        ws.Range(HeaderRow, 1, row - 1, last).Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        for (var c = 0; c < last; c++) Validate(ws.Range(FirstDataRow, c + 1, lastRow, c + 1), columns[c]);

        // Everything is editable but the title and header rows: the sheet is a document the ST rewrites, the headers
        // are how the importer finds the columns. No password: it prevents accidents, not access.
        ws.Columns(1, last).Style.Protection.SetLocked(false);
        ws.Range(TitleRow, 1, EnglishHeaderRow, last).Style.Protection.SetLocked(true);
        ws.Protect()
            .AllowElement(XLSheetProtectionElements.InsertRows).AllowElement(XLSheetProtectionElements.DeleteRows)
            .AllowElement(XLSheetProtectionElements.InsertColumns).AllowElement(XLSheetProtectionElements.DeleteColumns)
            .AllowElement(XLSheetProtectionElements.FormatCells).AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows).AllowElement(XLSheetProtectionElements.Sort)
            .AllowElement(XLSheetProtectionElements.AutoFilter);
        ws.SheetView.FreezeRows(EnglishHeaderRow);
        PrintLandscape(ws, repeatHeader: true);
    }

    /// <summary>
    /// The parents' texts are repeated on every row, so a row can be deleted, sorted or filtered without losing them;
    /// the importer requires repeated texts to agree.
    /// </summary>
    private static void WriteCell(IXLCell cell, MatrixHeader header, Axis axis, StrategicObjective strategic,
        OperationalObjective operational, PlanActivity activity)
    {
        var english = activity.TextsIn(Language.En);
        var value = header.Column switch
        {
            MatrixColumn.AxisCode => axis.Code,
            MatrixColumn.AxisName => axis.Name.Es,
            MatrixColumn.AxisNameEn => axis.Name.En,
            MatrixColumn.StrategicCode => strategic.Code,
            MatrixColumn.StrategicLabel => strategic.Label,
            MatrixColumn.StrategicText => strategic.Text,
            MatrixColumn.StrategicTextEn => strategic.TextIn(Language.En),
            MatrixColumn.OperationalCode => operational.Code,
            MatrixColumn.OperationalLabel => operational.Label,
            MatrixColumn.OperationalText => operational.Text,
            MatrixColumn.OperationalTextEn => operational.TextIn(Language.En),
            MatrixColumn.ActivityCode => activity.Code,
            MatrixColumn.ActivityLabel => activity.Label,
            MatrixColumn.ActivityText => activity.Text,
            MatrixColumn.Meta => activity.Meta,
            MatrixColumn.Indicador => activity.Indicador,
            MatrixColumn.Responsable => activity.Responsable,
            MatrixColumn.Level => ReportingLevels.Word(activity.Reporting, Language.Es),
            MatrixColumn.IsCount => (activity.IndicatorIsCount ? PlanMatrixTexts.Yes : PlanMatrixTexts.No).Es,
            MatrixColumn.ActivityTextEn => english.Text,
            MatrixColumn.MetaEn => english.Meta,
            MatrixColumn.IndicadorEn => english.Indicador,
            MatrixColumn.ResponsableEn => english.Responsable,
            _ => null,
        };
        if (header.Column is MatrixColumn.Programado or MatrixColumn.Ejecutado)
        {
            var target = activity.ForYear(header.Year!.Value);
            if ((header.Column == MatrixColumn.Programado ? target?.Programado : target?.Ejecutado) is { } percent) cell.SetValue(percent);
            return;
        }
        if (!string.IsNullOrEmpty(value)) cell.SetValue(value);
    }

    private static void Validate(IXLRange range, MatrixHeader header)
    {
        switch (header.Column)
        {
            case MatrixColumn.Programado or MatrixColumn.Ejecutado:
                range.Style.NumberFormat.SetFormat(TemplateLayout.PercentDisplayFormat);
                var percent = range.SetDataValidation();
                percent.Decimal.Between(0, 100);
                Explain(percent, PlanMatrixTexts.PercentErrorTitle, PlanMatrixTexts.PercentError);
                break;
            case MatrixColumn.Level:
                var words = ReportingLevels.All.Select(l => ReportingLevels.Word(l, Language.Es))
                    .Concat(ReportingLevels.All.Select(l => ReportingLevels.Word(l, Language.En))).Distinct();
                var level = range.SetDataValidation();
                level.List("\"" + string.Join(",", words) + "\"", true);
                Explain(level, PlanMatrixTexts.ListErrorTitle, PlanMatrixTexts.LevelError);
                break;
            case MatrixColumn.IsCount:
                var count = range.SetDataValidation();
                count.List($"\"{PlanMatrixTexts.Yes.Es},{PlanMatrixTexts.No.Es},{PlanMatrixTexts.Yes.En}\"", true);
                Explain(count, PlanMatrixTexts.ListErrorTitle, PlanMatrixTexts.CountError);
                break;
            case MatrixColumn.AxisCode or MatrixColumn.StrategicCode or MatrixColumn.OperationalCode or MatrixColumn.ActivityCode
                or MatrixColumn.StrategicLabel or MatrixColumn.OperationalLabel or MatrixColumn.ActivityLabel:
                // Text, so that a code typed as 1.10 stays "1.10" instead of becoming the number 1.1.
                range.Style.NumberFormat.SetNumberFormatId(49);
                break;
            default:
                var text = range.SetDataValidation();
                text.TextLength.EqualOrLessThan(MaxTextLength);
                Explain(text, PlanMatrixTexts.TextErrorTitle, new(
                    string.Format(CultureInfo.InvariantCulture, PlanMatrixTexts.TextError.Es, MaxTextLength),
                    string.Format(CultureInfo.InvariantCulture, PlanMatrixTexts.TextError.En, MaxTextLength)));
                break;
        }
    }

    /// <summary>Validation messages carry both languages: the ST edits in Spanish, a colleague may not.</summary>
    private static void Explain(IXLDataValidation dv, LocalizedText title, LocalizedText message)
    {
        dv.IgnoreBlanks = true;
        dv.ErrorStyle = XLErrorStyle.Stop;
        dv.ErrorTitle = title.Es;
        dv.ErrorMessage = $"{message.Es} / {message.En}";
        dv.ShowErrorMessage = true;
    }

    private static double Width(MatrixColumn column) => column switch
    {
        MatrixColumn.AxisCode or MatrixColumn.StrategicCode or MatrixColumn.OperationalCode or MatrixColumn.StrategicLabel
            or MatrixColumn.OperationalLabel or MatrixColumn.ActivityLabel => 10,
        MatrixColumn.ActivityCode => 11,
        MatrixColumn.AxisName or MatrixColumn.AxisNameEn or MatrixColumn.Level or MatrixColumn.IsCount => 14,
        MatrixColumn.Programado or MatrixColumn.Ejecutado => 11,
        MatrixColumn.ActivityText or MatrixColumn.ActivityTextEn => 45,
        _ => 32,
    };

    private static void WriteInstructions(IXLWorksheet ws, PlanCatalog catalog)
    {
        ws.Column(1).Width = 36;
        ws.Column(2).Width = 100;
        ws.Cell(1, 1).SetValue($"{PlanMatrixTexts.InstructionsTitle.Es} / {PlanMatrixTexts.InstructionsTitle.En}").Style.Font.SetBold().Font.SetFontSize(14);

        var row = FirstPlanFieldRow;
        foreach (var field in PlanFields.All)
        {
            ws.Cell(row, 1).SetValue(PlanFields.ExportLabel(field)).Style.Font.SetBold();
            var value = ws.Cell(row, PlanFieldValueColumn);
            value.Style.Protection.SetLocked(false).Fill.SetBackgroundColor(InputFill);
            switch (field)
            {
                case PlanField.Id: value.SetValue(catalog.Id); break;
                case PlanField.TitleEs: value.SetValue(catalog.Title.Es); break;
                case PlanField.TitleEn: value.SetValue(catalog.Title.En); break;
                case PlanField.FirstYear: value.SetValue(catalog.FirstYear); break;
                case PlanField.LastYear: value.SetValue(catalog.LastYear); break;
            }
            if (field is PlanField.FirstYear or PlanField.LastYear)
            {
                var year = value.AsRange().SetDataValidation();
                year.WholeNumber.Between(PlanRules.MinYear, PlanRules.MaxYear);
                Explain(year, PlanMatrixTexts.YearErrorTitle, PlanMatrixTexts.YearError);
            }
            else
            {
                value.Style.NumberFormat.SetNumberFormatId(49);
            }

            row++;
        }

        foreach (var language in new[] { Language.Es, Language.En })
        {
            row++;
            foreach (var (heading, paragraphs) in PlanMatrixTexts.Instructions(language))
            {
                ws.Cell(row, 1).SetValue(heading).Style.Font.SetBold();
                foreach (var paragraph in paragraphs)
                {
                    ws.Cell(row++, 2).SetValue(paragraph).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                }
                row++;
            }
        }
        ws.Range(1, 1, row, 2).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        ws.Protect();
        PrintLandscape(ws, repeatHeader: false);
    }

    /// <summary>Landscape, one page wide, the header rows on every page: a matrix prints as a table, not as columns cut across pages.</summary>
    private static void PrintLandscape(IXLWorksheet ws, bool repeatHeader)
    {
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A3Paper;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.5).SetBottom(0.5);
        if (repeatHeader) ws.PageSetup.SetRowsToRepeatAtTop(HeaderRow, EnglishHeaderRow);
        ws.PageSetup.Footer.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
    }
}
