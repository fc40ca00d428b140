using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Unit.Ingestion.Validation.Findings;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>Errors in what was typed into a cell, each at its cell and activity, in Spanish and English.</summary>
public sealed class SheetValidatorValueTests
{
    private const string Counted = "1.1.1.2";    // programado 100 % in 2021, a count indicator
    private const string NotCounted = "1.1.1.3"; // programado 90 % in 2021, not a count indicator

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void Words_in_ejecutado_are_EJECUTADO_NOT_A_NUMBER(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).EjecutadoText(Counted, "cincuenta");

        var validation = Validate(sheet);

        Assert.Equal("H10", sheet.Cell(Counted, EjecutadoColumn));
        OnlyError(validation, "EJECUTADO_NOT_A_NUMBER", sheet.ReportSheetName, "H10", Counted, Words(unit,
            "Se esperaba un porcentaje entre 0 y 100 (por ejemplo 50 o 50 %), pero se encontró «cincuenta»",
            "A percentage between 0 and 100 was expected (e.g. 50 or 50 %), but «cincuenta» was found"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_date_in_ejecutado_is_EJECUTADO_NOT_A_NUMBER_quoting_the_date(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Date(Counted, EjecutadoColumn, new DateTime(2021, 9, 30));

        OnlyError(Validate(sheet), "EJECUTADO_NOT_A_NUMBER", sheet.ReportSheetName, sheet.Cell(Counted, EjecutadoColumn), Counted, "«2021-09-30»");
    }

    [Theory]
    [InlineData("GT", 150, "150")]
    [InlineData("BZ", 150, "150")]
    [InlineData("GT", -5.5, "-5,5")]
    [InlineData("BZ", -5.5, "-5.5")]
    public void A_percentage_outside_0_to_100_is_EJECUTADO_OUT_OF_RANGE(string unit, double value, string shown)
    {
        var sheet = FilledSheet.Complete(unit, Period).Ejecutado(Counted, value);

        OnlyError(Validate(sheet), "EJECUTADO_OUT_OF_RANGE", sheet.ReportSheetName, sheet.Cell(Counted, EjecutadoColumn), Counted, Words(unit,
            $"El porcentaje ejecutado debe estar entre 0 y 100; se encontró {shown}.",
            $"The Achieved percentage must be between 0 and 100; {shown} was found."));
    }

    [Theory]
    [InlineData("GT", "doce")]
    [InlineData("BZ", "doce")]
    [InlineData("GT", "-3")]
    [InlineData("BZ", "1.000,5")]
    public void A_quantity_that_is_not_a_number_of_zero_or_more_is_QUANTITY_INVALID(string unit, string typed)
    {
        var sheet = FilledSheet.Complete(unit, Period).QuantityText(Counted, typed);

        OnlyError(Validate(sheet), "QUANTITY_INVALID", sheet.ReportSheetName, sheet.Cell(Counted, QuantityColumn), Counted, Words(unit,
            $"La cantidad debe ser un número entero mayor o igual a 0; se encontró «{typed}»",
            $"The quantity must be a whole number greater than or equal to 0; «{typed}» was found"));
    }

    [Theory]
    [InlineData("GT", "2,5", "2,5")]
    [InlineData("BZ", "2.5", "2.5")]
    public void A_quantity_with_decimals_is_QUANTITY_NOT_WHOLE_saying_a_count_is_a_whole_number(string unit, string typed, string shown)
    {
        var sheet = FilledSheet.Complete(unit, Period).QuantityText(Counted, typed);

        OnlyError(Validate(sheet), "QUANTITY_NOT_WHOLE", sheet.ReportSheetName, sheet.Cell(Counted, QuantityColumn), Counted, Words(unit,
            $"La cantidad cuenta algo, así que debe ser un número entero (0, 1, 2…); se encontró {shown}. Escriba cuántos hay, sin decimales.",
            $"The quantity counts something, so it must be a whole number (0, 1, 2…); {shown} was found. Type how many there are, without decimals."));
    }

    [Fact]
    public void A_decimal_number_typed_as_quantity_is_QUANTITY_NOT_WHOLE_and_a_whole_one_is_kept()
    {
        var decimals = FilledSheet.Complete("GT", Period).Quantity(Counted, 2.5);
        var whole = FilledSheet.Complete("GT", Period).Quantity(Counted, 3);

        OnlyError(Validate(decimals), "QUANTITY_NOT_WHOLE", decimals.ReportSheetName, decimals.Cell(Counted, QuantityColumn), Counted, "2,5");
        var accepted = Validate(whole);
        Assert.Empty(accepted.Report.Errors);
        Assert.Equal(3m, accepted.Activities.Single(a => a.Code == Counted).Quantity);
    }

    [Fact]
    public void A_negative_number_typed_as_quantity_is_QUANTITY_INVALID()
    {
        var sheet = FilledSheet.Complete("GT", Period).Quantity(Counted, -2);

        OnlyError(Validate(sheet), "QUANTITY_INVALID", sheet.ReportSheetName, sheet.Cell(Counted, QuantityColumn), Counted, "«-2»");
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_status_not_in_the_list_is_STATUS_INVALID_listing_the_choices(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Status(NotCounted, "a medias");

        OnlyError(Validate(sheet), "STATUS_INVALID", sheet.ReportSheetName, sheet.Cell(NotCounted, StatusColumn), NotCounted, Words(unit,
            "El estado «a medias» no es válido. Elija uno de la lista: no iniciada, en proceso, completada, no aplica.",
            "Status «a medias» is not valid. Choose one from the list: not started, in progress, completed, not applicable."));
    }

    [Theory]
    [InlineData("GT", ObservationsColumn, MaxObservationsLength)]
    [InlineData("BZ", ObservationsColumn, MaxObservationsLength)]
    [InlineData("GT", EvidenceColumn, MaxEvidenceLength)]
    [InlineData("BZ", EvidenceColumn, MaxEvidenceLength)]
    public void Text_over_its_limit_is_TEXT_TOO_LONG(string unit, int column, int max)
    {
        var sheet = FilledSheet.Complete(unit, Period).Value(NotCounted, column, new string('x', max + 1));

        OnlyError(Validate(sheet), "TEXT_TOO_LONG", sheet.ReportSheetName, sheet.Cell(NotCounted, column), NotCounted, Words(unit,
            $"El texto tiene {max + 1} caracteres; el máximo es {max}.", $"The text has {max + 1} characters; the maximum is {max}."));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_focal_point_name_over_its_limit_is_TEXT_TOO_LONG_at_its_cell(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Focal(new string('n', MaxFocalNameLength + 1), FilledSheet.FocalEmailOf(unit));

        OnlyError(Validate(sheet), "TEXT_TOO_LONG", sheet.ReportSheetName, FocalNameCell, null,
            Words(unit, "El texto tiene 201 caracteres; el máximo es 200.", "The text has 201 characters; the maximum is 200."));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_formula_saved_without_its_value_is_FORMULA_WITHOUT_VALUE(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Formula(Counted, EjecutadoColumn, "=40+20");

        OnlyError(Validate(sheet), "FORMULA_WITHOUT_VALUE", sheet.ReportSheetName, sheet.Cell(Counted, EjecutadoColumn), Counted, Words(unit,
            "La celda contiene una fórmula sin valor calculado", "The cell holds a formula with no calculated value"));
    }

    [Theory]
    [InlineData("cincuenta")]
    [InlineData("150")]
    public void A_rejected_ejecutado_is_one_error_not_also_a_status_that_contradicts_it(string typed)
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText(Counted, typed).Status(Counted, ActivityStatus.Completed);

        var validation = Validate(sheet);

        Assert.Single(validation.Report.Errors, e => e.Cell == sheet.Cell(Counted, EjecutadoColumn));
        Assert.Empty(validation.Report.Warnings);
    }

    [Fact]
    public void Every_bad_cell_is_reported_not_just_the_first()
    {
        var sheet = FilledSheet.Complete("GT", Period)
            .EjecutadoText(Counted, "n/a").Status(Counted, "lista")
            .QuantityText("1.1.1.4", "muchas").Ejecutado("4.1.2.3", 101);

        var validation = Validate(sheet);

        Assert.Equal(
            [("EJECUTADO_NOT_A_NUMBER", "H10"), ("STATUS_INVALID", "I10"), ("QUANTITY_INVALID", "J12"), ("EJECUTADO_OUT_OF_RANGE", "H23")],
            validation.Report.Errors.Select(e => (e.Code, e.Cell!)));
        Assert.Empty(validation.Activities);
    }
}
