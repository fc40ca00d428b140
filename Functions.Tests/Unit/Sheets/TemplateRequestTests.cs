using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Sheets;

public sealed class TemplateRequestTests
{
    [Fact]
    public void Resolves_a_unit_case_insensitively_and_defaults_to_its_language()
    {
        var request = TemplateRequest.Resolve(TestPlan.Units, TestPlan.Plans, "bz", "2021-q3", null);

        Assert.Equal(TestPlan.Belize, request.Unit);
        Assert.Equal(new ReportingPeriod(2021, 3), request.Period);
        Assert.Equal(Language.En, request.Language);
        Assert.Equal(Language.Es, TemplateRequest.Resolve(TestPlan.Units, TestPlan.Plans, "BZ", "2021-Q3", "es").Language);
    }

    [Theory]
    [InlineData("XX", "2021-Q3", null, "Unknown unit 'XX'")]
    [InlineData(null, "2021-Q3", null, "Unknown unit")]
    [InlineData("GT", "2021-Q5", null, "Invalid period '2021-Q5'")]
    [InlineData("GT", "2021Q3", null, "Invalid period '2021Q3'")]
    [InlineData("GT", "2019-Q4", null, "Year 2019 is outside the plans in force: test (2020–2022)")]
    [InlineData("GT", "2021-Q3", "fr", "Invalid language 'fr'")]
    public void Rejects_bad_words_with_a_message_naming_them(string? unit, string? period, string? language, string message)
    {
        var ex = Assert.Throws<TemplateRequestException>(() =>
            TemplateRequest.Resolve(TestPlan.Units, TestPlan.Plans, unit, period, language));

        Assert.StartsWith(message, ex.Message);
        Assert.NotEqual(ex.Text.En, ex.Text.Es);
    }
}
