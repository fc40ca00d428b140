using ClosedXML.Excel;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Links;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// Writes the quarterly template of one unit and period: the report sheet (header block and one row per activity
/// the unit reports), the instructions sheet and the very hidden metadata sheet. Addresses come from
/// <see cref="TemplateLayout"/>; words from <see cref="TemplateTexts"/>; activities from the plan in force for the period.
/// </summary>
/// <param name="links">The portal's addresses: the instructions send people to the unit's quarter there first. Null or
/// without a configured portal: they name the upload folder and <c>/api/validate</c> only.</param>
public sealed class TemplateWriter(PlanRegistry plans, IOptions<ReportingOptions> reporting, PortalLinks? links = null)
{
    internal static readonly XLColor InputFill = XLColor.FromHtml("#FFF2CC");
    internal static readonly XLColor NotApplicableFill = XLColor.FromHtml("#D9D9D9");
    internal static readonly XLColor HeaderFill = XLColor.FromHtml("#1F4E78");

    private static readonly double[] ColumnWidths = [9, 16, 42, 30, 30, 22, 12, 14, 14, 12, 42, 28];

    /// <exception cref="TemplateRequestException">No plan in force covers the period, or the unit is not a member then.</exception>
    public void Write(Stream output, ReportingUnit unit, ReportingPeriod period, Language language)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(unit);
        var catalog = TemplateRequest.PlanFor(plans, unit, period);

        var activities = catalog.ActivitiesFor(unit);
        using var workbook = new XLWorkbook();
        var report = workbook.AddWorksheet(ReportSheet(language));
        var dueDate = DueDate(period, unit);
        WriteReport(report, catalog, unit, period, dueDate, language, activities);
        TemplateInstructionsSheet.Write(workbook.AddWorksheet(InstructionsSheet(language)), unit, period, dueDate, language, activities,
            links?.UnitPeriod(unit.Code, period));
        WriteMetadata(workbook.AddWorksheet(MetadataSheet), MetadataFor(catalog, unit, period, language, activities));
        report.SetTabActive();
        workbook.SaveAs(output);
    }

    public byte[] Write(ReportingUnit unit, ReportingPeriod period, Language language)
    {
        using var buffer = new MemoryStream();
        Write(buffer, unit, period, language);
        return buffer.ToArray();
    }

    /// <summary>The metadata a template for this unit and period carries (and a matching upload should).</summary>
    /// <exception cref="TemplateRequestException">No plan in force covers the period, or the unit is not a member then.</exception>
    public TemplateMetadata MetadataFor(ReportingUnit unit, ReportingPeriod period, Language language)
    {
        var catalog = TemplateRequest.PlanFor(plans, unit, period);
        return MetadataFor(catalog, unit, period, language, catalog.ActivitiesFor(unit));
    }

    /// <summary>The unit's dates for the quarter (<see cref="ReportingCalendar.Dates(ReportingPeriod, ReportingZone, int, int)"/>): its last day to send, ending on its clock.</summary>
    public QuarterDates DueDate(ReportingPeriod period, ReportingUnit unit) =>
        ReportingCalendar.Dates(period, unit.Zone, reporting.Value.DeadlineDays, reporting.Value.LockGraceDays);

    private static TemplateMetadata MetadataFor(PlanCatalog catalog, ReportingUnit unit, ReportingPeriod period, Language language,
        IEnumerable<PlanActivity> activities) =>
        new(CurrentVersion, catalog.Id, unit.Code.ToUpperInvariant(), period, language, ActivityFingerprint.Compute(activities));

    private static void WriteReport(IXLWorksheet ws, PlanCatalog catalog, ReportingUnit unit, ReportingPeriod period, QuarterDates dueDate,
        Language language, IReadOnlyList<PlanActivity> activities)
    {
        for (var c = 0; c < ColumnWidths.Length; c++) ws.Column(c + 1).Width = ColumnWidths[c];

        var title = ws.Cell(TitleCell);
        title.SetValue(TemplateTexts.Format(TemplateTexts.Title, language, catalog.Title.In(language)));
        title.Style.Font.SetBold().Font.SetFontSize(14);

        HeaderLine(ws, PlanCell, TemplateTexts.PlanLabel, language, catalog.Id, catalog.Title.In(language));
        HeaderLine(ws, UnitCell, TemplateTexts.UnitLabel, language, unit.Code.ToUpperInvariant(), unit.Name.In(language));
        HeaderLine(ws, PeriodCell, TemplateTexts.PeriodLabel, language, period.ToString(), null);
        HeaderLine(ws, FocalNameCell, TemplateTexts.FocalNameLabel, language, null, null);
        HeaderLine(ws, FocalEmailCell, TemplateTexts.FocalEmailLabel, language, null, null);
        MaxLength(Input(ws.Range(FocalNameCell, FocalNameCell)).SetDataValidation(), MaxFocalNameLength, language);
        MaxLength(Input(ws.Range(FocalEmailCell, FocalEmailCell)).SetDataValidation(), MaxFocalEmailLength, language);

        var hint = ws.Cell(HeaderRow - 1, 1);
        hint.SetValue(TemplateTexts.Format(TemplateTexts.Hint, language, DeadlineText.LastDayToSend(dueDate, language)));
        hint.Style.Font.SetItalic();

        WriteTableHeader(ws, period, language);
        var axes = AxisNames(catalog, language);
        var row = FirstDataRow;
        foreach (var activity in activities) WriteActivity(ws, row++, activity, axes, period, language);

        var last = Math.Max(FirstDataRow, row - 1);
        var table = ws.Range(HeaderRow, 1, last, LastColumn);
        table.Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        if (activities.Count > 0) ValidateInputs(ws, last, language);

        ws.SheetView.FreezeRows(HeaderRow);
        PrintLayout.Apply(ws, HeaderRow, HeaderRow);
        ws.Protect() // no password: it guards against accidental edits, not people
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows);
    }

    private static void HeaderLine(IXLWorksheet ws, string valueAddress, LocalizedText label, Language language, string? value, string? companion)
    {
        var valueCell = ws.Cell(valueAddress);
        var labelCell = ws.Cell(valueCell.Address.RowNumber, 1);
        labelCell.SetValue(label.In(language));
        labelCell.Style.Font.SetBold();
        ws.Range(labelCell, labelCell.CellRight()).Merge();
        if (value is not null) valueCell.SetValue(value);
        if (companion is not null) valueCell.CellRight().SetValue(companion);
    }

    private static void WriteTableHeader(IXLWorksheet ws, ReportingPeriod period, Language language)
    {
        var year = period.Year;
        string[] headings =
        [
            TemplateTexts.Code.In(language), TemplateTexts.Axis.In(language), TemplateTexts.Activity.In(language),
            TemplateTexts.Meta.In(language), TemplateTexts.Indicador.In(language), TemplateTexts.Responsable.In(language),
            TemplateTexts.Format(TemplateTexts.Programado, language, year), TemplateTexts.Format(TemplateTexts.Ejecutado, language, year),
            TemplateTexts.Status.In(language), TemplateTexts.Quantity.In(language), TemplateTexts.Observations.In(language),
            TemplateTexts.Evidence.In(language),
        ];
        for (var c = 0; c < headings.Length; c++) ws.Cell(HeaderRow, c + 1).SetValue(headings[c]);
        var header = ws.Range(HeaderRow, 1, HeaderRow, LastColumn);
        header.Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill)
            .Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        RowHeights.Fit(ws, HeaderRow, 1, LastColumn);
        ws.Row(HeaderRow).Height += RowHeights.LineHeight; // bold text is wider than the estimate assumes
    }

    private static void WriteActivity(IXLWorksheet ws, int row, PlanActivity activity, IReadOnlyDictionary<string, string> axes,
        ReportingPeriod period, Language language)
    {
        ws.Cell(row, CodeColumn).SetValue(activity.Code);
        ws.Cell(row, AxisColumn).SetValue(axes.GetValueOrDefault(activity.Code, ""));
        // Belize's sheet is in English throughout: the plan carries every activity text in both languages.
        var texts = activity.TextsIn(language);
        ws.Cell(row, ActivityColumn).SetValue(texts.Text);
        ws.Cell(row, MetaColumn).SetValue(texts.Meta);
        ws.Cell(row, IndicadorColumn).SetValue(texts.Indicador);
        ws.Cell(row, ResponsableColumn).SetValue(texts.Responsable);
        if (activity.ForYear(period.Year)?.Programado is { } programado) ws.Cell(row, ProgramadoColumn).SetValue(programado);

        ws.Range(row, ProgramadoColumn, row, EjecutadoColumn).Style.NumberFormat.SetFormat(PercentDisplayFormat);
        ws.Range(row, 1, row, LastColumn).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        RowHeights.Fit(ws, row, 1, LastColumn);

        Input(ws.Range(row, EjecutadoColumn, row, StatusColumn));
        Input(ws.Range(row, ObservationsColumn, row, EvidenceColumn));
        var quantity = ws.Range(row, QuantityColumn, row, QuantityColumn);
        if (!activity.IndicatorIsCount)
        {
            quantity.Style.Fill.SetBackgroundColor(NotApplicableFill); // stays locked
            return;
        }
        var dv = Input(quantity).SetDataValidation();
        dv.WholeNumber.EqualOrGreaterThan(0);
        Explain(dv, TemplateTexts.QuantityErrorTitle, TemplateTexts.QuantityError, language);
    }

    /// <summary>One validation per input column over all activity rows (quantity is per row, see above).</summary>
    private static void ValidateInputs(IXLWorksheet ws, int lastRow, Language language)
    {
        IXLDataValidation Column(int column) => ws.Range(FirstDataRow, column, lastRow, column).SetDataValidation();

        var percent = Column(EjecutadoColumn);
        percent.Decimal.Between((double)MinPercent, (double)MaxPercent);
        Explain(percent, TemplateTexts.PercentErrorTitle, TemplateTexts.PercentError, language);

        var status = Column(StatusColumn);
        status.List("\"" + string.Join(",", ActivityStatusLabels.All(language)) + "\"", true);
        Explain(status, TemplateTexts.StatusErrorTitle, TemplateTexts.StatusError, language);

        MaxLength(Column(ObservationsColumn), MaxObservationsLength, language);
        MaxLength(Column(EvidenceColumn), MaxEvidenceLength, language);
    }

    private static void MaxLength(IXLDataValidation dv, int max, Language language)
    {
        dv.TextLength.EqualOrLessThan(max);
        dv.ErrorTitle = TemplateTexts.TextTooLongTitle.In(language);
        dv.ErrorMessage = TemplateTexts.Format(TemplateTexts.TextTooLong, language, max);
        dv.ShowErrorMessage = true;
    }

    private static void Explain(IXLDataValidation dv, LocalizedText title, LocalizedText message, Language language)
    {
        dv.IgnoreBlanks = true;
        dv.ErrorStyle = XLErrorStyle.Stop;
        dv.ErrorTitle = title.In(language);
        dv.ErrorMessage = message.In(language);
        dv.ShowErrorMessage = true;
    }

    private static IXLRange Input(IXLRange range)
    {
        range.Style.Protection.SetLocked(false).Fill.SetBackgroundColor(InputFill);
        return range;
    }

    /// <summary>Activity code → axis name, from the tree itself (AxisCode is only set by the loader).</summary>
    private static Dictionary<string, string> AxisNames(PlanCatalog catalog, Language language) =>
        catalog.Axes
            .SelectMany(a => a.StrategicObjectives.SelectMany(s => s.OperationalObjectives).SelectMany(o => o.Activities)
                .Select(act => (act.Code, Name: $"{a.Code}. {a.Name.In(language)}")))
            .DistinctBy(x => x.Code)
            .ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);

    private static void WriteMetadata(IXLWorksheet ws, TemplateMetadata metadata)
    {
        var row = 1;
        foreach (var (key, value) in metadata.ToPairs())
        {
            ws.Cell(row, MetadataKeyColumn).SetValue(key);
            ws.Cell(row, MetadataValueColumn).SetValue(value);
            row++;
        }
        ws.Visibility = XLWorksheetVisibility.VeryHidden;
    }
}
