using System.Text.Json.Nodes;
using ServerlessPlan.Core.Plan;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>Each class of bad plan file is rejected with an error that names the problem and the code.</summary>
public sealed class PlanLoaderTests
{
    private static PlanFormatException Rejects(JsonObject plan) =>
        Assert.Throws<PlanFormatException>(() => PlanLoader.Load(ToStream(plan)));

    private static void AssertError(PlanFormatException ex, string fragment)
    {
        Assert.True(ex.Errors.Any(e => e.Contains(fragment, StringComparison.Ordinal)),
            $"no error contains '{fragment}'; errors: {string.Join(" | ", ex.Errors)}");
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads_the_shipped_file_from_a_stream_and_from_a_path()
    {
        Assert.Equal(20, PlanLoader.Load(ToStream(SeedPlan())).Activities.Count);
        using var file = new TempFile(SeedPlan());
        Assert.Equal(20, PlanLoader.LoadFile(file.Path).Activities.Count);
    }

    [Fact]
    public void Rejects_malformed_json()
    {
        var text = Text("plan-2020-2022.json");
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.Load(ToStream(text[..(text.Length / 2)])));
        AssertError(ex, "malformed JSON");
    }

    [Fact]
    public void Rejects_an_unknown_member_so_a_misspelt_field_is_not_read_as_blank()
    {
        var plan = SeedPlan();
        var year = Activity(plan, "1.1.1.2")["years"]![0]!.AsObject();
        year.Remove("ejecutado");
        year["ejecutdo"] = 0;
        AssertError(Rejects(plan), "ejecutdo");
    }

    [Fact]
    public void Rejects_a_missing_field_naming_the_activity()
    {
        var plan = SeedPlan();
        Activity(plan, "1.1.1.3").Remove("meta");
        AssertError(Rejects(plan), "activity 1.1.1.3: missing field 'meta'");
    }

    [Fact]
    public void Rejects_missing_plan_fields()
    {
        var plan = SeedPlan();
        plan.Remove("firstYear");
        plan.Remove("title");
        var ex = Rejects(plan);
        AssertError(ex, "plan: missing field 'firstYear'");
        AssertError(ex, "plan: missing field 'title'");
        Assert.Equal(2, ex.Errors.Count); // no cascade of "year outside the plan" for every activity
    }

    [Fact]
    public void Rejects_a_duplicate_activity_code()
    {
        var plan = SeedPlan();
        Activity(plan, "1.1.1.2")["code"] = "1.1.1.1";
        AssertError(Rejects(plan), "duplicate activity code 1.1.1.1");
    }

    [Fact]
    public void Rejects_a_duplicate_objective_code()
    {
        var plan = SeedPlan();
        OperationalObjective(plan, "2.1.3")["code"] = "2.1.2";
        AssertError(Rejects(plan), "duplicate objective code 2.1.2");
    }

    [Fact]
    public void Rejects_a_duplicate_axis_code()
    {
        var plan = SeedPlan();
        Axes(plan).ElementAt(3)["code"] = "3";
        AssertError(Rejects(plan), "duplicate axis code 3");
    }

    [Fact]
    public void Rejects_a_year_outside_the_plan()
    {
        var plan = SeedPlan();
        Activity(plan, "1.1.1.5")["years"]![2]!["year"] = 2023;
        AssertError(Rejects(plan), "activity 1.1.1.5: year 2023 is outside the plan's years 2020–2022");
    }

    [Fact]
    public void Rejects_a_duplicated_year()
    {
        var plan = SeedPlan();
        Activity(plan, "4.1.3.1")["years"]![2]!["year"] = 2021;
        AssertError(Rejects(plan), "activity 4.1.3.1: year 2021 appears 2 times");
    }

    [Theory]
    [InlineData("programado", 120)]
    [InlineData("ejecutado", -5)]
    public void Rejects_a_percentage_outside_0_to_100(string field, int value)
    {
        var plan = SeedPlan();
        Activity(plan, "2.1.3.1")["years"]![1]![field] = value;
        AssertError(Rejects(plan), $"activity 2.1.3.1: {field} 2021 is {value}, outside 0–100");
    }

    [Fact]
    public void Rejects_an_activity_whose_code_is_not_under_its_operational_objective()
    {
        var plan = SeedPlan();
        Activity(plan, "4.1.3.1")["code"] = "4.1.2.9";
        AssertError(Rejects(plan), "activity 4.1.2.9 is not under its parent 4.1.3");
    }

    [Fact]
    public void Rejects_an_objective_whose_code_is_not_under_its_parent()
    {
        var plan = SeedPlan();
        OperationalObjective(plan, "2.2.1")["code"] = "2.1.9";
        AssertError(Rejects(plan), "objective 2.1.9 is not under its parent 2.2");
    }

    [Fact]
    public void Rejects_first_year_after_last_year()
    {
        var plan = SeedPlan();
        plan["firstYear"] = 2023;
        AssertError(Rejects(plan), "plan: firstYear 2023 is after lastYear 2022");
    }

    [Fact]
    public void Rejects_an_unknown_reporting_level()
    {
        var plan = SeedPlan();
        Activity(plan, "3.1.1.1")["reporting"] = "global";
        AssertError(Rejects(plan), "activity 3.1.1.1: reporting 'global' is not national, regional or both");
    }

    [Fact]
    public void Rejects_a_resolution_that_cites_an_unknown_code()
    {
        var plan = SeedPlan();
        plan["resolutions"]![0]!["codes"]!.AsArray().Add("9.9.9.9");
        AssertError(Rejects(plan), "resolution of item 1 cites unknown code '9.9.9.9'");
    }

    [Fact]
    public void Lists_every_error_not_just_the_first()
    {
        var plan = SeedPlan();
        Activity(plan, "1.1.1.1")["years"]![0]!["programado"] = 101;
        Activity(plan, "4.1.2.3").Remove("responsable");
        var ex = Rejects(plan);
        Assert.Equal(2, ex.Errors.Count);
        AssertError(ex, "activity 1.1.1.1: programado 2020 is 101");
        AssertError(ex, "activity 4.1.2.3: missing field 'responsable'");
        Assert.Contains("2 errors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_embedded_id_lists_the_available_ids()
    {
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.LoadEmbedded("2023-2025"));
        AssertError(ex, "there is no embedded plan '2023-2025'; available: 2020-2022");
        Assert.Contains("2020-2022", PlanLoader.EmbeddedIds);
    }

    [Fact]
    public void A_file_error_names_the_file()
    {
        var plan = SeedPlan();
        plan["lastYear"] = 2021;
        using var file = new TempFile(plan);
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.LoadFile(file.Path));
        Assert.Contains(file.Path, ex.Message, StringComparison.Ordinal);
        AssertError(ex, "activity 3.2.1.2: year 2022 is outside the plan's years 2020–2021");
    }
}
