using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Unit.Ingestion.Validation.Findings;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>Findings that accept the sheet but tell the focal point: each alone on an otherwise clean sheet.</summary>
public sealed class SheetValidatorWarningTests
{
    private const string Code = "1.1.1.3";        // programado 90 % in 2021, not a count indicator
    private const string Unprogrammed = "1.1.1.1"; // nothing programmed in 2021

    [Theory]
    [InlineData("GT", "95")]
    [InlineData("BZ", "95")]
    public void Ejecutado_above_the_years_programado_is_EJECUTADO_ABOVE_PROGRAMADO(string unit, string shown)
    {
        var sheet = FilledSheet.Complete(unit, Period).Ejecutado(Code, 95);

        var validation = Validate(sheet);

        OnlyWarning(validation, "EJECUTADO_ABOVE_PROGRAMADO", sheet.ReportSheetName, sheet.Cell(Code, EjecutadoColumn), Code, Words(unit,
            $"Compruebe el ejecutado de {Code}: {shown} % supera lo programado para 2021 (90 %). El ejecutado es la parte de la actividad hecha en el año, en la escala de Programado",
            $"Check the achieved value for {Code}: {shown} % is above what was programmed for 2021 (90 %). Achieved is the share of the activity done in the year, on Programmed's scale"));
        Assert.Equal(95m, validation.Activities.Single(a => a.Code == Code).Ejecutado);
    }

    [Theory]
    [InlineData("GT", "100")]
    [InlineData("BZ", "100")]
    public void Ejecutado_far_above_the_years_programado_names_the_likely_confusion_and_what_to_write(string unit, string shown)
    {
        // 4.1.2.3 is programmed 30 % in 2021: typing 100 for "the year's target was met" would triple the figure.
        const string lowTarget = "4.1.2.3";
        var sheet = FilledSheet.Complete(unit, Period).Ejecutado(lowTarget, 100);

        var validation = Validate(sheet);

        OnlyWarning(validation, "EJECUTADO_FAR_ABOVE_PROGRAMADO", sheet.ReportSheetName, sheet.Cell(lowTarget, EjecutadoColumn), lowTarget, Words(unit,
            $"Escriba el ejecutado de {lowTarget} en la escala de Programado: si se hizo todo lo previsto para 2021, escriba 30; si se hizo la mitad, la mitad de 30. Se leyó {shown} %, mucho más que lo programado (30 %): ¿escribió el avance sobre la meta del año?",
            $"Enter the achieved value for {lowTarget} on Programmed's scale: if everything planned for 2021 is done, enter 30; if half of it is done, half of 30. It reads {shown} %, far above what was programmed (30 %): did you write progress against the year's target?"));
        Assert.Equal(100m, validation.Activities.Single(a => a.Code == lowTarget).Ejecutado);
    }

    [Theory]
    [InlineData(100, 30, true)]
    [InlineData(46, 30, true)]
    [InlineData(45, 30, false)]   // half again as much, not more
    [InlineData(35, 30, false)]   // a modest overrun: EJECUTADO_ABOVE_PROGRAMADO
    [InlineData(15, 5, false)]    // triple, but within 10 points
    [InlineData(16, 5, true)]
    [InlineData(95, 90, false)]
    [InlineData(100, 70, false)]
    [InlineData(100, 60, true)]
    public void Far_above_means_more_than_ten_points_and_half_again_over_programado(double ejecutado, double programado, bool far)
    {
        Assert.Equal(far, RowChecker.IsFarAbove((decimal)ejecutado, (decimal)programado));
    }

    [Theory]
    [InlineData("GT", "70,5", "80")]
    [InlineData("BZ", "70.5", "80")]
    public void Ejecutado_lower_than_the_previous_quarter_of_the_year_is_EJECUTADO_DECREASED(string unit, string now, string before)
    {
        var sheet = FilledSheet.Complete(unit, Period).Ejecutado(Code, 70.5).Status(Code, ActivityStatus.InProgress);
        var previous = new PreviousProgress(Q("2021-Q2"), new Dictionary<string, decimal> { [Code] = 80m, ["1.1.1.2"] = 100m });

        var validation = Validate(sheet, previous);

        OnlyWarning(validation, "EJECUTADO_DECREASED", sheet.ReportSheetName, sheet.Cell(Code, EjecutadoColumn), Code, Words(unit,
            $"Compruebe el ejecutado de {Code}: {now} % es menos que lo informado en el 2.º trimestre de 2021 ({before} %)", $"Check the achieved value for {Code}: {now} % is less than reported in the 2nd quarter of 2021 ({before} %)"));
    }

    [Fact]
    public void The_last_quarter_of_the_previous_year_is_not_compared_ejecutado_is_per_year()
    {
        var sheet = FilledSheet.Complete("GT", "2021-Q1").Ejecutado(Code, 10).Status(Code, ActivityStatus.InProgress);
        var previous = new PreviousProgress(Q("2020-Q4"), new Dictionary<string, decimal> { [Code] = 80m });

        var validation = Validate(sheet, previous);

        Assert.True(validation.Report.Accepted);
        Assert.Empty(validation.Report.Warnings);
    }

    [Theory]
    [InlineData("GT", ActivityStatus.Completed, 20, "completada", "20")]
    [InlineData("BZ", ActivityStatus.Completed, 20, "completed", "20")]
    [InlineData("GT", ActivityStatus.NotStarted, 30, "no iniciada", "30")]
    [InlineData("BZ", ActivityStatus.NotApplicable, 30, "not applicable", "30")]
    public void A_status_that_contradicts_the_figure_is_STATUS_INCONSISTENT(string unit, ActivityStatus status, double ejecutado, string label, string shown)
    {
        var sheet = FilledSheet.Complete(unit, Period).Ejecutado(Code, ejecutado).Status(Code, status);

        OnlyWarning(Validate(sheet), "STATUS_INCONSISTENT", sheet.ReportSheetName, sheet.Cell(Code, StatusColumn), Code, Words(unit,
            $"Compruebe el estado y el ejecutado de {Code}: el estado «{label}» no concuerda con un ejecutado de {shown} %", $"Check the status and the achieved value for {Code}: status \"{label}\" does not match an achieved value of {shown} %"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void Ejecutado_below_programado_without_an_observation_is_OBSERVATION_MISSING(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Ejecutado(Code, 45).Status(Code, ActivityStatus.InProgress).Observations(Code, null);

        OnlyWarning(Validate(sheet), "OBSERVATION_MISSING", sheet.ReportSheetName, sheet.Cell(Code, ObservationsColumn), Code, Words(unit,
            $"Agregue a {Code} una observación que explique el avance: el ejecutado (45 %) está por debajo de lo programado (90 %)",
            $"Add an observation to {Code} explaining the progress: achieved (45 %) is below what was programmed (90 %)"));
    }

    [Theory]
    [InlineData("GT", "0,5")]
    [InlineData("BZ", "0.5")]
    public void A_bare_number_up_to_1_is_read_as_typed_with_EJECUTADO_LOOKS_LIKE_FRACTION(string unit, string shown)
    {
        var sheet = FilledSheet.Complete(unit, Period).Ejecutado(Unprogrammed, 0.5);

        var validation = Validate(sheet);

        OnlyWarning(validation, "EJECUTADO_LOOKS_LIKE_FRACTION", sheet.ReportSheetName, sheet.Cell(Unprogrammed, EjecutadoColumn), Unprogrammed,
            Words(unit, $"Si en {Unprogrammed} quiso decir 50 %, escriba 50: se leyó {shown} %.", $"If you meant 50 % for {Unprogrammed}, enter 50: it was read as {shown} %."));
        Assert.Equal(0.5m, validation.Activities.Single(a => a.Code == Unprogrammed).Ejecutado);
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_formula_with_a_cached_value_uses_it_with_FORMULA_VALUE_USED(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Formula(Unprogrammed, EjecutadoColumn, "=20+25", cached: "44");

        var validation = Validate(sheet);

        OnlyWarning(validation, "FORMULA_VALUE_USED", sheet.ReportSheetName, sheet.Cell(Unprogrammed, EjecutadoColumn), Unprogrammed, Words(unit,
            "Escriba el valor en lugar de la fórmula, para que no dependa de otras celdas: se usó su último valor calculado («44»)", "Type the value instead of the formula, so it does not depend on other cells: its last calculated value (\"44\") was used"));
        Assert.Equal(44m, validation.Activities.Single(a => a.Code == Unprogrammed).Ejecutado); // cached, never evaluated (45)
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_quantity_for_an_activity_that_counts_nothing_is_QUANTITY_IGNORED(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Quantity(Code, 4);

        var validation = Validate(sheet);

        OnlyWarning(validation, "QUANTITY_IGNORED", sheet.ReportSheetName, sheet.Cell(Code, QuantityColumn), Code, Words(unit,
            $"Deje en blanco la cantidad de {Code}: su indicador no cuenta nada", $"Leave the quantity for {Code} blank: its indicator counts nothing"));
        Assert.Null(validation.Activities.Single(a => a.Code == Code).Quantity);
    }

    [Theory]
    [InlineData("GT", null, null, FocalNameCell)]
    [InlineData("BZ", null, null, FocalNameCell)]
    [InlineData("GT", FilledSheet.FocalName, null, FocalEmailCell)]
    [InlineData("BZ", null, "focal@bz.example.org", FocalNameCell)]
    public void A_missing_focal_name_or_email_is_FOCAL_POINT_MISSING(string unit, string? name, string? email, string cell)
    {
        var sheet = FilledSheet.Complete(unit, Period).Focal(name, email);

        OnlyWarning(Validate(sheet), "FOCAL_POINT_MISSING", sheet.ReportSheetName, cell, null, Words(unit,
            "Escriba el nombre y el correo del punto focal en el encabezado: falta uno de los dos", "Write the focal point's name and e-mail in the header: one of them is missing"));
    }

    [Theory]
    [InlineData("GT", "punto.focal@")]
    [InlineData("BZ", "focal point <focal@bz.example.org>")]
    [InlineData("GT", "punto.focal@localhost")]
    public void An_email_that_is_not_an_address_is_FOCAL_EMAIL_INVALID_and_not_used(string unit, string email)
    {
        var sheet = FilledSheet.Complete(unit, Period).Focal(FilledSheet.FocalName, email);

        var validation = Validate(sheet);

        OnlyWarning(validation, "FOCAL_EMAIL_INVALID", sheet.ReportSheetName, FocalEmailCell, null, Words(unit,
            $"Escriba el correo del punto focal como nombre@dominio, por ejemplo ana.perez@ministerio.gob: «{email}» no parece una dirección de correo válida",
            $"Write the focal point's e-mail as name@domain, for example ana.perez@ministry.gov: \"{email}\" does not look like a valid e-mail address"));
        Assert.Null(validation.FocalEmail);
    }
}
