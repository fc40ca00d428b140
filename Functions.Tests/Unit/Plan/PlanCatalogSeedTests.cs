using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>The embedded 2020-2022 catalog against the seed matrix (values read by counting tabs, NOTES.md).</summary>
public sealed class PlanCatalogSeedTests
{
    private static readonly PlanCatalog Catalog = PlanLoader.LoadEmbedded("2020-2022");

    [Fact]
    public void Has_the_plan_identity_and_years()
    {
        Assert.Equal("2020-2022", Catalog.Id);
        Assert.Equal("Matriz del Plan Operativo 2020-2022", Catalog.Title.Es);
        Assert.False(string.IsNullOrWhiteSpace(Catalog.Title.En));
        Assert.Equal(2020, Catalog.FirstYear);
        Assert.Equal(2022, Catalog.LastYear);
    }

    [Fact]
    public void Activity_2_1_2_2_s_text_ends_where_its_sentence_ends()
    {
        // The seed's row carries a stray fragment of the source PDF after the sentence; the catalog leaves it out.
        Assert.Equal("Conocer los diferentes protocolos nacionales de repatriación de víctimas de trata de personas impulsados por los países.",
            Catalog.FindActivity("2.1.2.2")!.Text);
    }

    [Fact]
    public void Has_four_axes_with_5_6_3_6_activities()
    {
        Assert.Equal(["1", "2", "3", "4"], Catalog.Axes.Select(a => a.Code));
        Assert.Equal([5, 6, 3, 6], Catalog.Axes.Select(a => Catalog.Activities.Count(x => x.AxisCode == a.Code)));
        Assert.Equal(20, Catalog.Activities.Count);
        Assert.Equal(["Prevención", "Atención Integral", "Persecución", "Fortalecimiento Institucional"],
            Catalog.Axes.Select(a => a.Name.Es));
        Assert.All(Catalog.Axes, a => Assert.False(string.IsNullOrWhiteSpace(a.Name.En)));
    }

    [Fact]
    public void Has_the_objective_tree_with_the_assigned_codes()
    {
        var tree = Catalog.Axes.SelectMany(a => a.StrategicObjectives).Select(so =>
            $"{so.Code}:" + string.Join(",", so.OperationalObjectives.Select(oo =>
                $"{oo.Code}({string.Join(" ", oo.Activities.Select(x => x.Code))})")));
        Assert.Equal(
        [
            "1.1:1.1.1(1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.4 1.1.1.5)",
            "2.1:2.1.1(2.1.1.1 2.1.1.2),2.1.2(2.1.2.1 2.1.2.2),2.1.3(2.1.3.1)",
            "2.2:2.2.1(2.2.1.1)",
            "3.1:3.1.1(3.1.1.1)",
            "3.2:3.2.1(3.2.1.1 3.2.1.2)",
            "4.1:4.1.1(4.1.1.1 4.1.1.2),4.1.2(4.1.2.1 4.1.2.2 4.1.2.3),4.1.3(4.1.3.1)",
        ], tree);
    }

    [Fact]
    public void Loader_fills_each_activitys_axis_and_operational_objective()
    {
        foreach (var axis in Catalog.Axes)
        {
            foreach (var oo in axis.StrategicObjectives.SelectMany(s => s.OperationalObjectives))
            {
                foreach (var activity in oo.Activities)
        {
            Assert.Equal(axis.Code, activity.AxisCode);
            Assert.Equal(oo.Code, activity.OperationalObjectiveCode);
            Assert.Same(activity, Catalog.FindActivity(activity.Code));
        }
            }
        }
    }

    // One row per activity: code, printed label, reporting, indicatorIsCount, then P/E 2020, P/E 2021, P/E 2022
    // exactly as in cells 6–11 of its seed row (null = blank cell).
    [Theory]
    [InlineData("1.1.1.1", "1.1.", ReportingLevel.Both, false, 100, 100, null, null, null, null)]
    [InlineData("1.1.1.2", "1.1.", ReportingLevel.National, true, 50, 0, 100, null, null, null)]
    [InlineData("1.1.1.3", "1.2.", ReportingLevel.National, false, 10, null, 90, null, null, null)]
    [InlineData("1.1.1.4", "1.3.", ReportingLevel.National, true, 40, 0, 100, 100, null, null)]
    [InlineData("1.1.1.5", "1.4.", ReportingLevel.National, true, 50, null, 50, null, null, null)]
    [InlineData("2.1.1.1", "2.1.1.1.", ReportingLevel.National, false, 40, null, 60, null, null, null)]
    [InlineData("2.1.1.2", "2.1.1.2.", ReportingLevel.National, true, null, null, 100, null, null, null)]
    [InlineData("2.1.2.1", "2.1.2.1.", ReportingLevel.Both, true, 60, null, 40, null, null, null)]
    [InlineData("2.1.2.2", "2.1.2.2.", ReportingLevel.Both, true, 60, null, 40, null, null, null)]
    [InlineData("2.1.3.1", "2.1.3.1.", ReportingLevel.Regional, false, 30, null, 70, null, null, null)]
    [InlineData("2.2.1.1", "2.2.1.1.", ReportingLevel.Both, false, null, null, 100, null, null, null)]
    [InlineData("3.1.1.1", "3.1.2.", ReportingLevel.Regional, false, null, null, 100, null, null, null)]
    [InlineData("3.2.1.1", "3.2.1.1.", ReportingLevel.Both, true, null, null, 100, null, null, null)]
    [InlineData("3.2.1.2", "3.2.1.2.", ReportingLevel.National, true, 50, null, 50, null, 50, null)]
    [InlineData("4.1.1.1", "4.1.1.1.", ReportingLevel.Regional, false, null, null, 100, null, null, null)]
    [InlineData("4.1.1.2", "4.1.1.2.", ReportingLevel.Both, true, 50, null, 50, null, null, null)]
    [InlineData("4.1.2.1", "4.1.2.1.", ReportingLevel.National, false, 50, null, 50, null, null, null)]
    [InlineData("4.1.2.2", "4.1.2.2.", ReportingLevel.Regional, false, 25, null, 35, null, 40, null)]
    [InlineData("4.1.2.3", "4.1.2.3.", ReportingLevel.Both, false, 25, null, 30, null, null, null)]
    [InlineData("4.1.3.1", "4.1.3.1.", ReportingLevel.Regional, true, 75, null, 25, null, null, null)]
    public void Activity_matches_its_seed_row(string code, string label, ReportingLevel reporting, bool isCount,
        int? p2020, int? e2020, int? p2021, int? e2021, int? p2022, int? e2022)
    {
        var activity = Catalog.FindActivity(code);
        Assert.NotNull(activity);
        Assert.Equal(label, activity.Label);
        Assert.Equal(reporting, activity.Reporting);
        Assert.Equal(isCount, activity.IndicatorIsCount);
        Assert.Equal(
            [new YearTarget(2020, p2020, e2020), new YearTarget(2021, p2021, e2021), new YearTarget(2022, p2022, e2022)],
            activity.Years);
    }

    [Fact]
    public void Every_activity_has_its_texts_and_exactly_the_plan_years()
    {
        Assert.All(Catalog.Activities, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Text), a.Code);
            Assert.False(string.IsNullOrWhiteSpace(a.Meta), a.Code);
            Assert.False(string.IsNullOrWhiteSpace(a.Indicador), a.Code);
            Assert.False(string.IsNullOrWhiteSpace(a.Responsable), a.Code);
            Assert.Equal([2020, 2021, 2022], a.Years.Select(y => y.Year));
        });
    }

    [Fact]
    public void Responsables_are_kept_exactly_as_printed()
    {
        Assert.Equal("Presidencia y Secretaría Técnica (Presentar versión final diagramada al pleno) Países miembros: Validar la Estrategia Regional de Prevención",
            Catalog.FindActivity("1.1.1.1")!.Responsable);
        Assert.Equal("ST de la Coalición Regional y la Presidencia.", Catalog.FindActivity("2.1.3.1")!.Responsable);
        Assert.Equal("Países que integran la Coalición Regional,", Catalog.FindActivity("3.2.1.2")!.Responsable);
        Assert.Equal("Presidencia Secretaría Técnica", Catalog.FindActivity("4.1.3.1")!.Responsable);
        Assert.Equal("Coalición Regional", Catalog.FindActivity("4.1.2.2")!.Responsable);
    }
}
