using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Tests.Unit.Sheets;

public sealed class PercentageReadingTests
{
    [Theory]
    [InlineData("50", 50, PercentageSource.Text)]
    [InlineData("50%", 50, PercentageSource.PercentText)]
    [InlineData("50 %", 50, PercentageSource.PercentText)]
    [InlineData("50,5 %", 50.5, PercentageSource.PercentText)]
    [InlineData(" 75.0% ", 75, PercentageSource.PercentText)]
    [InlineData("75\u00A0%", 75, PercentageSource.PercentText)]
    [InlineData("0,5", 0.5, PercentageSource.Text)]
    [InlineData(".5%", 0.5, PercentageSource.PercentText)]
    [InlineData("100", 100, PercentageSource.Text)]
    [InlineData("-10", -10, PercentageSource.Text)]
    [InlineData("150 %", 150, PercentageSource.PercentText)]
    public void Reads_numbers_typed_as_text_with_either_decimal_separator(string text, double expected, PercentageSource source)
    {
        var reading = PercentageReading.FromText(text);

        Assert.Equal((decimal)expected, reading.Value);
        Assert.Equal(source, reading.Source);
        Assert.Equal(text, reading.Raw);
    }

    [Theory]
    [InlineData("cincuenta")]
    [InlineData("50 % aprox.")]
    [InlineData("1.000,5")]
    [InlineData("1,000.5")]
    [InlineData("50%%")]
    [InlineData("% 50")]
    [InlineData("N/A")]
    public void Keeps_unreadable_text_raw_instead_of_guessing(string text)
    {
        var reading = PercentageReading.FromText(text);

        Assert.Equal(PercentageSource.Unreadable, reading.Source);
        Assert.Null(reading.Value);
        Assert.Equal(text, reading.Raw);
        Assert.False(reading.IsReadable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_is_empty_not_zero(string? text)
    {
        var reading = PercentageReading.FromText(text);

        Assert.True(reading.IsEmpty);
        Assert.Null(reading.Value);
    }

    [Theory]
    [InlineData(0.5, "0%", 0, 50)]
    [InlineData(0.5, "", 9, 50)]
    [InlineData(0.575, "", 10, 57.5)]
    [InlineData(1, "0.00%", 0, 100)]
    [InlineData(0.333, "#,##0.0%", 0, 33.3)]
    public void A_percent_formatted_number_is_a_fraction_and_is_scaled(double number, string format, int formatId, double expected)
    {
        var reading = PercentageReading.FromNumber(number, format, formatId);

        Assert.Equal(PercentageSource.PercentFormattedNumber, reading.Source);
        Assert.Equal((decimal)expected, reading.Value);
        Assert.False(reading.MaybeFraction);
    }

    [Theory]
    [InlineData(50, "0.##\" %\"")]
    [InlineData(50, "")]
    [InlineData(50, "0.00")]
    [InlineData(50, "0\\%")]
    public void A_number_in_any_other_format_is_taken_as_percent_points(double number, string format)
    {
        var reading = PercentageReading.FromNumber(number, format);

        Assert.Equal(PercentageSource.Number, reading.Source);
        Assert.Equal(50m, reading.Value);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(1.5, false)]
    [InlineData(50, false)]
    public void Flags_plain_numbers_in_zero_to_one_as_maybe_fractions(double number, bool flagged)
    {
        Assert.Equal(flagged, PercentageReading.FromNumber(number, "").MaybeFraction);
    }

    [Fact]
    public void Text_with_a_percent_sign_is_explicit_and_not_flagged_but_bare_text_is()
    {
        Assert.False(PercentageReading.FromText("0,5 %").MaybeFraction);
        Assert.True(PercentageReading.FromText("0,5").MaybeFraction);
    }

    [Theory]
    [InlineData("0.##\" %\"", 0, false)]
    [InlineData("0%", 0, true)]
    [InlineData("0.0%;[Red]-0.0%", 0, true)]
    [InlineData("0\\%", 0, false)]
    [InlineData("General", 0, false)]
    [InlineData("", 9, true)]
    [InlineData("", 10, true)]
    [InlineData("", 2, false)]
    public void Recognises_percent_formats_only_when_Excel_would_divide_by_100(string format, int id, bool expected)
    {
        Assert.Equal(expected, PercentageReading.IsPercentFormat(format, id));
    }

    [Fact]
    public void Reads_cells_by_kind_and_refuses_dates_and_booleans()
    {
        Assert.Equal(50m, PercentageReading.FromCell(new SheetCell("H9", SheetValueKind.Number, 50d, "50", "", 0, null)).Value);
        Assert.Equal(75m, PercentageReading.FromCell(new SheetCell("H9", SheetValueKind.Text, "75 %", "75 %", "", 0, null)).Value);
        Assert.True(PercentageReading.FromCell(SheetCell.EmptyAt("H9")).IsEmpty);

        var date = PercentageReading.FromCell(new SheetCell("H9", SheetValueKind.DateTime, new DateTime(2021, 3, 1), "2021-03-01", "", 14, null));
        Assert.Equal(PercentageSource.Unreadable, date.Source);
        Assert.Equal("2021-03-01", date.Raw);
        Assert.Equal(PercentageSource.Unreadable, PercentageReading.FromCell(new SheetCell("H9", SheetValueKind.Boolean, true, "TRUE", "", 0, null)).Source);
    }

    [Fact]
    public void Non_finite_numbers_are_unreadable()
    {
        Assert.Equal(PercentageSource.Unreadable, PercentageReading.FromNumber(double.NaN, "").Source);
        Assert.Equal(PercentageSource.Unreadable, PercentageReading.FromNumber(double.PositiveInfinity, "0%").Source);
    }
}
