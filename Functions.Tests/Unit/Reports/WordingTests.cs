using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Unit.Reports;

/// <summary>The wording every text shares: a quarter's ordinal and label, counts for their number, names in agreement.</summary>
public sealed class WordingTests
{
    [Theory]
    [InlineData(1, "1.er", "1st")]
    [InlineData(2, "2.º", "2nd")]
    [InlineData(3, "3.er", "3rd")]
    [InlineData(4, "4.º", "4th")]
    public void Quarters_take_their_ordinal(int quarter, string es, string en)
    {
        Assert.Equal(es, QuarterOrdinal.Of(quarter, Language.Es));
        Assert.Equal(en, QuarterOrdinal.Of(quarter, Language.En));
    }

    [Fact]
    public void A_quarter_is_named_one_way_in_each_language()
    {
        Assert.Equal("3.er trimestre de 2021", new ReportingPeriod(2021, 3).Label(Language.Es));
        Assert.Equal("3rd quarter of 2021", new ReportingPeriod(2021, 3).Label(Language.En));
        Assert.Equal("2.º trimestre de 2022", new ReportingPeriod(2022, 2).Label(Language.Es));
        Assert.Equal("1.er trimestre de 2024 / 1st quarter of 2024", new ReportingPeriod(2024, 1).Bilingual());
        Assert.Throws<ArgumentOutOfRangeException>(() => QuarterOrdinal.Of(5, Language.Es));
    }

    [Theory]
    [InlineData(0, "0 envíos rechazados")]
    [InlineData(1, "1 envío rechazado")]
    [InlineData(2, "2 envíos rechazados")]
    public void Counts_are_written_for_their_number(int count, string expected) =>
        Assert.Equal(expected, Counted.Of(count, "envío rechazado", "envíos rechazados"));

    [Fact]
    public void Names_agree_with_their_verb_and_join_as_a_sentence_does()
    {
        Assert.Equal("falta Panamá", NameList.Agreeing(["Panamá"], "falta", "faltan", Language.Es));
        Assert.Equal("faltan Panamá y Belice", NameList.Agreeing(["Panamá", "Belice"], "falta", "faltan", Language.Es));
        Assert.Equal("Guatemala, Honduras y Panamá", NameList.Join(["Guatemala", "Honduras", "Panamá"], Language.Es));
        Assert.Equal("Nicaragua e Italia", NameList.Join(["Nicaragua", "Italia"], Language.Es));
        Assert.Equal("Panamá y Hierro", NameList.Join(["Panamá", "Hierro"], Language.Es));
        Assert.Equal("Panama and Belize", NameList.Join(["Panama", "Belize"], Language.En));
        Assert.Equal("", NameList.Join([], Language.Es));
    }
}
