using ServerlessPlan.Core.Plan;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>The shape rules every plan obeys (ids that go into blob names, codes that follow the tree, years).</summary>
public sealed class PlanRulesTests
{
    [Theory]
    [InlineData("2023-2025", true)]
    [InlineData("test-2020-2022", true)]
    [InlineData("plan_B", true)]
    [InlineData("", false)]
    [InlineData("-2023", false)]
    [InlineData("2023/2025", false)]
    [InlineData("../2023", false)]
    [InlineData("año-2023", false)]
    [InlineData("2023 2025", false)]
    public void Plan_ids_are_safe_in_blob_names(string id, bool valid) => Assert.Equal(valid, PlanRules.IsValidId(id));

    [Theory]
    [InlineData("3", 1, true)]
    [InlineData("3.2", 2, true)]
    [InlineData("3.2.1", 3, true)]
    [InlineData("3.2.1.12", 4, true)]
    [InlineData("3.2.1", 4, false)]
    [InlineData("3.2.1.2.", 4, false)]
    [InlineData("3.2.a.2", 4, false)]
    [InlineData("3..1.2", 4, false)]
    [InlineData(" 3.2.1.2", 4, false)]
    [InlineData("1234.1.1.1", 4, false)]
    public void Codes_are_dot_separated_numbers_one_per_level(string code, int level, bool valid) =>
        Assert.Equal(valid, PlanRules.IsValidCode(code, level));

    [Fact]
    public void An_id_made_of_two_years_must_name_the_plans_years()
    {
        Assert.False(PlanRules.IdContradictsYears("2023-2025", 2023, 2025));
        Assert.True(PlanRules.IdContradictsYears("2023-2025", 2023, 2026));
        Assert.False(PlanRules.IdContradictsYears("plan-b", 2023, 2026));
    }

    [Fact]
    public void The_loader_applies_them()
    {
        var plan = SeedPlan();
        plan["id"] = "2020/2022";
        Activity(plan, "1.1.1.5")["code"] = "1.1.1.5a";
        OperationalObjective(plan, "2.1.3")["code"] = "2.1.3.0";
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.Load(ToStream(plan)));
        Assert.Contains(ex.Errors, e => e.StartsWith("plan: id '2020/2022' is not", StringComparison.Ordinal));
        Assert.Contains("activity code '1.1.1.5a' is malformed: expected four numbers such as 3.2.1.2", ex.Errors);
        Assert.Contains("objective code '2.1.3.0' is malformed: expected three numbers such as 3.2.1", ex.Errors);
    }

    [Theory]
    [InlineData(2020, 2035, "2020–2035 spans 16 years; a plan covers at most 10")]
    [InlineData(1999, 2001, "firstYear 1999 is not a year between 2000 and 2100")]
    [InlineData(2023, 2020, "firstYear 2023 is after lastYear 2020")]
    public void The_loader_refuses_implausible_years_once_without_a_cascade(int first, int last, string error)
    {
        var plan = SeedPlan();
        plan["id"] = "any";
        plan["firstYear"] = first;
        plan["lastYear"] = last;
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.Load(ToStream(plan)));
        Assert.Equal(["plan: " + error], ex.Errors);
    }

    [Fact]
    public void The_loader_refuses_an_id_that_names_other_years()
    {
        var plan = SeedPlan();
        plan["lastYear"] = 2023;
        var ex = Assert.Throws<PlanFormatException>(() => PlanLoader.Load(ToStream(plan)));
        Assert.Equal(["plan: id '2020-2022' names other years than firstYear 2020 and lastYear 2023"], ex.Errors);
    }
}
