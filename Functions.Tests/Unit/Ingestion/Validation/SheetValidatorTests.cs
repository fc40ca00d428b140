using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Unit.Ingestion.Validation.Findings;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>
/// The sheet validator against the real plan: the accepted sheet, then one test per error it can report, each in
/// Spanish (Guatemala) and English (Belize). Warnings are in <see cref="SheetValidatorWarningTests"/>.
/// </summary>
public sealed class SheetValidatorTests
{
    private const string Code = "1.1.1.3"; // national, programado 90 % in 2021, not a count indicator

    [Theory]
    [InlineData("GT", 15)]
    [InlineData("BZ", 15)]
    [InlineData("ST", 12)]
    public void Accepts_a_completely_filled_template_without_findings_and_returns_exactly_what_was_typed(string unit, int activities)
    {
        var sheet = FilledSheet.Complete(unit, Period);

        var validation = Validate(sheet);

        Assert.True(validation.Report.Accepted);
        Assert.Empty(validation.Report.Errors);
        Assert.Empty(validation.Report.Warnings);
        Assert.Equal(activities, validation.Activities.Count);
        Assert.Equal(sheet.TypicalRows(), validation.Activities);
        Assert.Equal(unit, validation.Report.Unit);
        Assert.Equal(Period, validation.Report.Period);
        Assert.Equal(RealPlan.Unit(unit).Language == Core.Localization.Language.En ? "en" : "es", validation.Report.Language);
        Assert.Equal(FilledSheet.FocalName, validation.FocalName);
        Assert.Equal(FilledSheet.FocalEmailOf(unit), validation.FocalEmail);
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void Reads_every_form_of_percentage_as_the_person_typed_it(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period)
            .Ejecutado("1.1.1.2", 50)                // typed 50 in the template's cell
            .EjecutadoAsPercent("1.1.1.4", 0.5)      // typed 50% in Excel: 0.5 in a 0% cell
            .EjecutadoText("2.1.1.2", "75 %")        // pasted text with a percent sign
            .EjecutadoText("2.1.1.1", "50,5");       // pasted text with a decimal comma
        foreach (var code in new[] { "1.1.1.2", "1.1.1.4", "2.1.1.2", "2.1.1.1" }) sheet.Status(code, ActivityStatus.InProgress);

        var validation = Validate(sheet);

        Assert.Empty(validation.Report.Errors);
        Assert.Empty(validation.Report.Warnings); // 0.5 in a percent cell is explicit: no "looks like a fraction"
        var ejecutado = validation.Activities.ToDictionary(a => a.Code, a => a.Ejecutado);
        Assert.Equal(50m, ejecutado["1.1.1.2"]);
        Assert.Equal(50m, ejecutado["1.1.1.4"]);
        Assert.Equal(75m, ejecutado["2.1.1.2"]);
        Assert.Equal(50.5m, ejecutado["2.1.1.1"]);
    }

    [Fact]
    public void Returns_the_typed_values_of_an_accepted_sheet_exactly_blank_meaning_not_reported()
    {
        var sheet = FilledSheet.Complete("GT", Period)
            .ClearInputs("1.1.1.1")
            .Ejecutado("1.1.1.2", 33.25).Status("1.1.1.2", "En Proceso").Quantity("1.1.1.2", 0)
            .Observations("1.1.1.2", "  Retraso por la emergencia sanitaria  ")
            .Status("1.1.1.3", "COMPLETADA")
            .Status("1.1.1.4", "not started").Ejecutado("1.1.1.4", 0).QuantityText("1.1.1.4", "3,0").Evidence("1.1.1.4", null);

        var validation = Validate(sheet);

        Assert.Empty(validation.Report.Errors);
        var rows = validation.Activities.ToDictionary(a => a.Code);
        Assert.Equal(new ReportedActivity("1.1.1.1", null, null, null, null, null, null), rows["1.1.1.1"]);
        Assert.Equal(new ReportedActivity("1.1.1.2", 100m, 33.25m, ActivityStatus.InProgress, 0m,
            "Retraso por la emergencia sanitaria", $"https://evidencia.example.org/GT/{Period}/1.1.1.2"), rows["1.1.1.2"]);
        Assert.Equal(ActivityStatus.Completed, rows["1.1.1.3"].Status);
        Assert.Equal(new ReportedActivity("1.1.1.4", 100m, 0m, ActivityStatus.NotStarted, 3m,
            "Avance de 1.1.1.4: talleres y reuniones de seguimiento", null), rows["1.1.1.4"]);
        Assert.Equal(sheet.Activities.Select(a => a.Code), validation.Activities.Select(a => a.Code));
    }

    // ---- Is it our template, for this unit and period? ------------------------------------------------------------

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_renamed_report_sheet_is_REPORT_SHEET_MISSING(string unit)
    {
        var validation = Validate(FilledSheet.Complete(unit, Period).RenameReportSheet("Hoja1"));

        OnlyError(validation, "REPORT_SHEET_MISSING", null, null, null,
            Words(unit, "Use la plantilla de GT para el 3.er trimestre de 2021 sin renombrar ni borrar sus hojas: este archivo no tiene la hoja «Informe».",
                "Use the template of BZ for the 3rd quarter of 2021 without renaming or deleting its sheets: this file has no \"Report\" sheet."));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_workbook_without_the_hidden_sheet_is_TEMPLATE_NOT_RECOGNIZED(string unit)
    {
        var validation = Validate(FilledSheet.Complete(unit, Period).RemoveMetadataSheet());

        OnlyError(validation, "TEMPLATE_NOT_RECOGNIZED", null, null, null,
            Words(unit, "Descargue la plantilla de GT para el 3.er trimestre de 2021 y copie sus datos en ella: este archivo no es la plantilla oficial",
                "Download the template of BZ for the 3rd quarter of 2021 and copy your data into it: this file is not the official template"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void An_other_layout_version_is_TEMPLATE_VERSION_UNKNOWN(string unit)
    {
        var validation = Validate(FilledSheet.Complete(unit, Period).Metadata(MetaTemplateVersion, "0"));

        OnlyError(validation, "TEMPLATE_VERSION_UNKNOWN", null, null, null,
            Words(unit, "la versión de plantilla «0» no es reconocida (se espera «1»)", "template version \"0\" is not recognised (expected \"1\")"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_template_of_another_plan_is_PLAN_MISMATCH(string unit)
    {
        var validation = Validate(FilledSheet.Complete(unit, Period).Metadata(MetaPlanId, "2017-2019"));

        OnlyError(validation, "PLAN_MISMATCH", null, null, null,
            Words(unit, "Descargue la plantilla del 3.er trimestre de 2021 y copie sus datos en ella: esta es del plan «2017-2019», pero ese trimestre se informa con el plan «2020-2022».",
                "Download the template for the 3rd quarter of 2021 and copy your data into it: this one is for plan \"2017-2019\", but that quarter is reported under plan \"2020-2022\"."));
    }

    [Theory]
    [InlineData("GT", "SV")] // Guatemala's folder, El Salvador's template: Spanish
    [InlineData("BZ", "GT")] // Belize's folder, Guatemala's template: English, the folder's language
    public void Another_units_template_is_UNIT_MISMATCH(string folder, string sheetUnit)
    {
        var sheet = FilledSheet.Complete(sheetUnit, Period);

        var validation = Validate(sheet, new UploadExpectation(folder, Q(Period)));

        OnlyError(validation, "UNIT_MISMATCH", null, null, null, Words(folder,
            $"Suba el archivo en la carpeta de {sheetUnit} o use la plantilla de {folder}: esta plantilla es de la unidad «{sheetUnit}», pero se subió a la carpeta de «{folder}»",
            $"Upload the file to the folder of {sheetUnit} or use the template of {folder}: this template belongs to unit \"{sheetUnit}\", but it was uploaded to the folder of \"{folder}\""));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void Another_quarters_template_is_PERIOD_MISMATCH(string unit)
    {
        var validation = Validate(FilledSheet.Complete(unit, "2021-Q2"), new UploadExpectation(unit, Q(Period)));

        OnlyError(validation, "PERIOD_MISMATCH", null, null, null, Words(unit,
            "Use la plantilla del 3.er trimestre de 2021: esta es del 2.º trimestre de 2021, pero se subió al 3.er trimestre de 2021.",
            "Use the template for the 3rd quarter of 2021: this one is for the 2nd quarter of 2021, but it was uploaded to the 3rd quarter of 2021."));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_unit_code_that_is_not_a_member_is_UNIT_UNKNOWN(string unit)
    {
        var validation = Validate(FilledSheet.Complete(unit, Period).Metadata(MetaUnitCode, "XX"), UploadExpectation.FromSheet);

        OnlyError(validation, "UNIT_UNKNOWN", null, null, null,
            Words(unit, "Use la plantilla de su unidad: «XX» no es una unidad informante", "Use your unit's template: \"XX\" is not a reporting unit"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_period_outside_the_plans_years_is_PERIOD_OUTSIDE_PLAN(string unit)
    {
        // A template for 2025-Q1, header and control sheet alike.
        var sheet = FilledSheet.Complete(unit, Period).Metadata(MetaPeriod, "2025-Q1").Report(ws => ws.Cell(PeriodCell).SetValue("2025-Q1"));

        var validation = Validate(sheet, UploadExpectation.FromSheet);

        OnlyError(validation, "PERIOD_OUTSIDE_PLAN", null, null, null,
            Words(unit, "Use la plantilla de un trimestre de un plan vigente (2020-2022 (2020–2022)): ningún plan vigente cubre el 1.er trimestre de 2025.",
                "Use the template of a quarter of a plan in force (2020-2022 (2020–2022)): no plan in force covers the 1st quarter of 2025."));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_file_that_does_not_open_is_WORKBOOK_UNREADABLE(string unit)
    {
        var validation = Validate(HostileFiles.RandomBytes(), new UploadExpectation(unit, Q(Period)));

        OnlyError(validation, "WORKBOOK_UNREADABLE", null, null, null,
            Words(unit, "vuelva a subirlo (GT, 3.er trimestre de 2021): no se pudo abrir como libro de Excel", "upload it again (BZ, 3rd quarter of 2021): it could not be opened as an Excel workbook"));
    }

    // ---- The activity list ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_deleted_row_is_ACTIVITY_MISSING(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).DeleteRow(Code);

        var validation = Validate(sheet);

        OnlyError(validation, "ACTIVITY_MISSING", sheet.ReportSheetName, null, Code, Words(unit,
            $"Vuelva a poner la fila de la actividad {Code} (1.2. Solicitar la asistencia financiera",
            $"Put back the row for activity {Code} (1.2. Request financial assistance from international"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_copied_row_is_ACTIVITY_DUPLICATED_at_the_second_copy(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).DuplicateRow(Code);
        var row = sheet.RowOf(Code);

        var validation = Validate(sheet);

        Assert.Equal("A11", $"{CodeColumnLetter}{row}"); // the layout contract: activities from row 9, plan order
        OnlyError(validation, "ACTIVITY_DUPLICATED", sheet.ReportSheetName, $"{CodeColumnLetter}{row + 1}", Code, Words(unit,
            $"Deje una sola fila para la actividad {Code}: aparece más de una vez (filas {row}, {row + 1})", $"Keep a single row for activity {Code}: it appears more than once (rows {row}, {row + 1})"));
    }

    [Theory]
    [InlineData("GT", "9.9.9.9")]
    [InlineData("BZ", "9.9.9.9")]
    [InlineData("GT", "2.1.3.1")] // a real activity, but the Secretaría's, not a country's
    public void An_added_row_is_ACTIVITY_UNKNOWN(string unit, string code)
    {
        var sheet = FilledSheet.Complete(unit, Period).AddRow(code);
        var row = sheet.LastRow + 1;

        var validation = Validate(sheet);

        OnlyError(validation, "ACTIVITY_UNKNOWN", sheet.ReportSheetName, $"{CodeColumnLetter}{row}", null, Words(unit,
            $"Deje en la fila {row} el código de actividad que traía la plantilla, o borre la fila si la agregó: «{code}» no es una actividad que {unit} informa",
            $"Restore the template's activity code in row {row}, or delete the row if you added it: \"{code}\" is not an activity {unit} reports"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_changed_code_is_ACTIVITY_UNKNOWN_and_the_original_ACTIVITY_MISSING(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).ChangeCode(Code, "1.1.1.9");

        var validation = Validate(sheet);

        Error(validation, "ACTIVITY_UNKNOWN", sheet.ReportSheetName, sheet.Cell(Code, CodeColumn), null, Words(sheet.Unit.Code, "«1.1.1.9»", "\"1.1.1.9\""));
        Error(validation, "ACTIVITY_MISSING", sheet.ReportSheetName, null, Code);
        Assert.Equal(2, validation.Report.Errors.Count);
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_template_with_only_the_focal_point_is_EMPTY_SUBMISSION(string unit)
    {
        var sheet = FilledSheet.Blank(unit, Period).Focal(FilledSheet.FocalName, FilledSheet.FocalEmailOf(unit))
            .Observations("1.1.1.1", "Sin avances este trimestre");

        var validation = Validate(sheet);

        OnlyError(validation, "EMPTY_SUBMISSION", sheet.ReportSheetName, null, null,
            Words(unit, "Complete al menos el ejecutado o el estado de una actividad: el informe no contiene ningún dato", "Fill in at least the achieved value or the status of one activity: the report contains no data"));
    }
}
