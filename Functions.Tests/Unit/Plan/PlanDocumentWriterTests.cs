using System.Text;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>The canonical plan file: loads back to the same catalog, and equal plans give equal bytes.</summary>
public sealed class PlanDocumentWriterTests
{
    [Fact]
    public void Writes_a_plan_file_that_loads_back_to_the_same_catalog()
    {
        var written = PlanDocumentWriter.Write(RealPlan.Catalog);
        PlanCatalogAssert.Equal(RealPlan.Catalog, PlanLoader.Load(new MemoryStream(written)));
    }

    [Fact]
    public void Is_canonical_the_same_plan_written_twice_or_after_a_round_trip_gives_the_same_bytes()
    {
        var once = PlanDocumentWriter.Write(RealPlan.Catalog);
        var twice = PlanDocumentWriter.Write(PlanLoader.Load(new MemoryStream(once)));
        Assert.Equal(once, twice);
        Assert.Equal(PlanDocumentWriter.Sha256(RealPlan.Catalog), PlanDocumentWriter.Sha256(PlanLoader.Load(new MemoryStream(once))));
        var text = Encoding.UTF8.GetString(once);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Contains("\"meta\": \"Prevention actions funded by cooperation agencies, NGOs and civil society\"", text, StringComparison.Ordinal);
        Assert.Contains("Atención", text, StringComparison.Ordinal); // accents stay readable
    }

    [Fact]
    public void Trailing_zeros_do_not_make_another_plan_but_any_change_does()
    {
        var plan = SeedPlan();
        Activity(plan, "1.1.1.3")["years"]![0]!["programado"] = 10.0m;
        var same = PlanLoader.Load(ToStream(plan.ToJsonString().Replace("\"programado\":10.0", "\"programado\":10.000", StringComparison.Ordinal)));
        Assert.Equal(PlanDocumentWriter.Sha256(RealPlan.Catalog), PlanDocumentWriter.Sha256(same));

        Activity(plan, "1.1.1.3")["en"]!["meta"] = "Prevention actions funded by cooperation agencies";
        Assert.NotEqual(PlanDocumentWriter.Sha256(RealPlan.Catalog), PlanDocumentWriter.Sha256(PlanLoader.Load(ToStream(plan))));
    }

    [Fact]
    public void Leaves_out_documentation_only_members_and_lists_every_year()
    {
        var text = Encoding.UTF8.GetString(PlanDocumentWriter.Write(RealPlan.Catalog));
        foreach (var member in new[] { "\"source\"", "\"resolutions\"", "\"note\"", "\"heading\"", "\"printedText\"" })
            Assert.DoesNotContain(member, text, StringComparison.Ordinal);
        Assert.Equal(20 * 3, text.Split("\"year\":").Length - 1);
    }

    [Fact]
    public void Refuses_a_catalog_without_english_texts_instead_of_writing_an_invalid_file()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => PlanDocumentWriter.Write(TestPlan.WithoutEnglish()));
        Assert.Contains("English", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_copied_with_other_axes_does_not_keep_the_originals_activities()
    {
        var first = RealPlan.Catalog.Activities; // caches the lookups of the original
        var copy = RealPlan.Catalog with { Axes = RealPlan.Catalog.Axes.Take(1).ToList() };
        Assert.Equal(20, first.Count);
        Assert.Equal(5, copy.Activities.Count);
        Assert.Null(copy.FindActivity("4.1.3.1"));
    }
}
