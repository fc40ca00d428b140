using Microsoft.AspNetCore.Http;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Tests.Unit.Localization;

/// <summary>
/// One rule picks the language for a request, a unit and a mail's recipient (<see cref="LanguageChoice"/>): what was
/// asked for, else the unit's, else Spanish. Each caller is checked through its own entry point.
/// </summary>
public sealed class LanguageChoiceTests
{
    private static readonly ReportingUnits Units = ReportingUnitsLoader.LoadEmbedded();

    [Theory]
    [InlineData(Language.En, Language.Es, Language.En)]
    [InlineData(Language.Es, Language.En, Language.Es)]
    [InlineData(null, Language.En, Language.En)]
    [InlineData(null, null, Language.Es)]
    public void What_was_asked_for_comes_before_the_units_language_and_Spanish_comes_last(Language? asked, Language? unit, Language expected)
    {
        Assert.Equal(expected, LanguageChoice.For(asked, unit));
    }

    [Theory]
    [InlineData(new[] { "en", "es" }, Language.En)]
    [InlineData(new[] { "fr", "es" }, Language.Es)]
    [InlineData(new[] { null, " EN " }, Language.En)]
    public void The_first_word_that_names_a_language_is_the_one_asked_for(string?[] words, Language expected)
    {
        Assert.Equal(expected, LanguageChoice.Asked(words));
    }

    [Fact]
    public void Words_that_name_no_language_ask_for_nothing()
    {
        Assert.Null(LanguageChoice.Asked("fr", "", null));
        Assert.Equal(Language.Es, LanguageChoice.Of("fr"));
        Assert.Equal(Language.En, LanguageChoice.Of("en"));
    }

    [Fact]
    public void Belize_reads_English_and_every_other_unit_Spanish()
    {
        Assert.Equal(Language.En, LanguageChoice.For(asked: null, Units.Find("BZ")!.Language));
        Assert.All(Units.All.Where(u => u.Code != "BZ"), u => Assert.Equal(Language.Es, LanguageChoice.For(asked: null, u.Language)));
    }

    [Theory]
    [InlineData("?lang=en", "es", null, Language.En)]
    [InlineData("", "en", null, Language.En)]
    [InlineData("?lang=xx", "", Language.En, Language.En)]
    [InlineData("", "", null, Language.Es)]
    [InlineData("?lang=es", "", Language.En, Language.Es)]
    public void A_page_reads_the_query_then_the_cookie_then_the_unit(string query, string cookie, Language? unit, Language expected)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        if (cookie.Length > 0) context.Request.Headers.Cookie = $"{PortalLanguage.Cookie}={cookie}";

        Assert.Equal(expected, PortalLanguage.Of(context.Request, unit));
    }

    [Fact]
    public void The_api_reads_only_the_query()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{PortalLanguage.Cookie}=en";

        Assert.Equal(Language.Es, Problems.LanguageOf(context.Request));
    }

    [Fact]
    public void A_template_is_in_the_language_asked_for_else_the_units()
    {
        var plans = PlanRegistry.Fixed(PlanLoader.LoadEmbedded(PlanLoader.EmbeddedIds[0]));

        Assert.Equal(Language.En, TemplateRequest.Resolve(Units, plans, "BZ", "2021-Q3", null).Language);
        Assert.Equal(Language.Es, TemplateRequest.Resolve(Units, plans, "BZ", "2021-Q3", "es").Language);
        Assert.Equal(Language.Es, TemplateRequest.Resolve(Units, plans, "GT", "2021-Q3", " ").Language);
    }
}
