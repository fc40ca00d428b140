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
            "Escriba el ejecutado de 1.1.1.2 como un número de 0 a 100, por ejemplo 45 (se encontró «cincuenta»).",
            "Enter the achieved value for 1.1.1.2 as a number from 0 to 100, for example 45 (found \"cincuenta\")."));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_date_in_ejecutado_is_EJECUTADO_NOT_A_NUMBER_quoting_the_date(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Date(Counted, EjecutadoColumn, new DateTime(2021, 9, 30));

        OnlyError(Validate(sheet), "EJECUTADO_NOT_A_NUMBER", sheet.ReportSheetName, sheet.Cell(Counted, EjecutadoColumn), Counted, Words(unit, "«2021-09-30»", "\"2021-09-30\""));
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
            $"Escriba el ejecutado de 1.1.1.2 como un número de 0 a 100, por ejemplo 45: se encontró {shown}, fuera de ese rango.",
            $"Enter the achieved value for 1.1.1.2 as a number from 0 to 100, for example 45: {shown} was found, outside that range."));
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
            $"Escriba la cantidad de 1.1.1.2 como un número entero de 0 o más, por ejemplo 3 (se encontró «{typed}»).",
            $"Enter the quantity for 1.1.1.2 as a whole number of 0 or more, for example 3 (found \"{typed}\")."));
    }

    [Theory]
    [InlineData("GT", "2,5", "2,5")]
    [InlineData("BZ", "2.5", "2.5")]
    public void A_quantity_with_decimals_is_QUANTITY_NOT_WHOLE_saying_a_count_is_a_whole_number(string unit, string typed, string shown)
    {
        var sheet = FilledSheet.Complete(unit, Period).QuantityText(Counted, typed);

        OnlyError(Validate(sheet), "QUANTITY_NOT_WHOLE", sheet.ReportSheetName, sheet.Cell(Counted, QuantityColumn), Counted, Words(unit,
            $"Escriba la cantidad de 1.1.1.2 sin decimales (0, 1, 2…): cuenta algo, y se encontró {shown}.",
            $"Enter the quantity for 1.1.1.2 without decimals (0, 1, 2…): it counts something, and {shown} was found."));
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
            "Elija el estado de 1.1.1.3 de la lista: no iniciada, en proceso, completada, no aplica (se encontró «a medias»).",
            "Choose the status for 1.1.1.3 from the list: not started, in progress, completed, not applicable (found \"a medias\")."));
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
            $"Acorte el texto a {max} caracteres como máximo (tiene {max + 1})", $"Shorten the text to {max} characters at most (it has {max + 1})"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_focal_point_name_over_its_limit_is_TEXT_TOO_LONG_at_its_cell(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Focal(new string('n', MaxFocalNameLength + 1), FilledSheet.FocalEmailOf(unit));

        OnlyError(Validate(sheet), "TEXT_TOO_LONG", sheet.ReportSheetName, FocalNameCell, null,
            Words(unit, "Acorte el texto a 200 caracteres como máximo (tiene 201)", "Shorten the text to 200 characters at most (it has 201)"));
    }

    [Theory]
    [InlineData("GT")]
    [InlineData("BZ")]
    public void A_formula_saved_without_its_value_is_FORMULA_WITHOUT_VALUE(string unit)
    {
        var sheet = FilledSheet.Complete(unit, Period).Formula(Counted, EjecutadoColumn, "=40+20");

        OnlyError(Validate(sheet), "FORMULA_WITHOUT_VALUE", sheet.ReportSheetName, sheet.Cell(Counted, EjecutadoColumn), Counted, Words(unit,
            "Escriba el valor en lugar de la fórmula: la celda tiene una fórmula sin valor calculado", "Type the value itself instead of the formula: the cell holds a formula with no calculated value"));
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
