using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>
/// The catalog carries English for every activity's text, meta, indicador and responsable and every objective's text,
/// translated (not copied), and the loader refuses a plan file without them.
/// </summary>
public sealed class PlanEnglishTextsTests
{
    private static readonly PlanCatalog Catalog = RealPlan.Catalog;

    /// <summary>Texts identical in both languages that are proper names or codes, none in this plan.</summary>
    private static readonly HashSet<string> Untranslatable = [];

    private static IEnumerable<(string Where, string Es, string En)> AllTexts()
    {
        foreach (var axis in Catalog.Axes)
        {
            yield return ($"axis {axis.Code}", axis.Name.Es, axis.Name.En);
            foreach (var so in axis.StrategicObjectives)
            {
                yield return ($"strategic objective {so.Code}", so.Text, so.TextIn(Language.En));
                foreach (var oo in so.OperationalObjectives)
                    yield return ($"operational objective {oo.Code}", oo.Text, oo.TextIn(Language.En));
            }
        }
        foreach (var a in Catalog.Activities)
        {
            var en = a.TextsIn(Language.En);
            yield return ($"activity {a.Code} text", a.Text, en.Text);
            yield return ($"activity {a.Code} meta", a.Meta, en.Meta);
            yield return ($"activity {a.Code} indicador", a.Indicador, en.Indicador);
            yield return ($"activity {a.Code} responsable", a.Responsable, en.Responsable);
        }
    }

    [Fact]
    public void Every_activity_and_objective_has_an_english_text_that_is_not_the_spanish_one()
    {
        var texts = AllTexts().ToList();
        Assert.Equal(4 + 6 + 10 + 20 * 4, texts.Count);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), $"{t.Where} has no English text");
            if (!Untranslatable.Contains(t.Es))
                Assert.False(string.Equals(t.Es.Trim(), t.En.Trim(), StringComparison.OrdinalIgnoreCase), $"{t.Where}: the English text is the Spanish one");
        });
    }

    [Fact]
    public void English_texts_are_english_not_spanish_left_in_place()
    {
        // Words that only a Spanish text has: a translation that kept them kept Spanish.
        string[] spanishOnly = [" de la ", " los ", " las ", " del ", "ción ", " países ", " y "];
        Assert.All(AllTexts(), t => Assert.DoesNotContain(spanishOnly, w => (" " + t.En + " ").Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Existing_consumers_keep_reading_spanish()
    {
        var activity = Catalog.FindActivity("1.1.1.4")!;
        Assert.Equal("Número de acciones realizadas y socializadas.", activity.Indicador);
        Assert.Equal(activity.Spanish, activity.TextsIn(Language.Es));
        Assert.Equal("Number of actions carried out and shared.", activity.TextsIn(Language.En).Indicador);
    }

    [Fact]
    public void A_catalog_built_without_english_refuses_english_instead_of_showing_spanish()
    {
        var catalog = TestPlan.WithoutEnglish();
        var activity = catalog.Activities[0];
        Assert.Null(activity.English);
        var ex = Assert.Throws<InvalidOperationException>(() => activity.TextsIn(Language.En));
        Assert.Contains(activity.Code, ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => catalog.Axes[0].StrategicObjectives[0].TextIn(Language.En));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("meta")]
    [InlineData("indicador")]
    [InlineData("responsable")]
    public void The_loader_refuses_an_activity_without_one_of_its_english_texts(string field)
    {
        var plan = SeedPlan();
        Activity(plan, "2.1.2.1")["en"]!.AsObject().Remove(field);
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.Load(ToStream(plan)));
        Assert.Contains($"activity 2.1.2.1: missing field 'en.{field}'", ex.Errors);
    }

    [Fact]
    public void The_loader_refuses_an_activity_or_objective_without_english_at_all()
    {
        var plan = SeedPlan();
        Activity(plan, "3.1.1.1").Remove("en");
        OperationalObjective(plan, "4.1.2").Remove("en");
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.Load(ToStream(plan)));
        Assert.Contains("activity 3.1.1.1: missing field 'en.text'", ex.Errors);
        Assert.Contains("activity 3.1.1.1: missing field 'en.responsable'", ex.Errors);
        Assert.Contains("operational objective 4.1.2: missing field 'en.text'", ex.Errors);
    }
}
