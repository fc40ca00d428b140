using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>Each flaw listed in seed/NOTES.md is resolved explicitly in the catalog (one test or more per item).</summary>
public sealed class SeedFlawResolutionTests
{
    private static readonly PlanCatalog Catalog = PlanLoader.LoadEmbedded("2020-2022");

    private static PlanActivity Activity(string code) => Catalog.FindActivity(code) ?? throw new Xunit.Sdk.XunitException($"no activity {code}");

    private static IEnumerable<StrategicObjective> StrategicObjectives => Catalog.Axes.SelectMany(a => a.StrategicObjectives);

    private static IEnumerable<OperationalObjective> OperationalObjectives => StrategicObjectives.SelectMany(s => s.OperationalObjectives);

    [Fact]
    public void Item_1_the_two_activities_printed_1_1_get_unique_codes_and_keep_their_label()
    {
        var printed11 = Catalog.Activities.Where(a => a.Label == "1.1.").ToList();
        Assert.Equal(["1.1.1.1", "1.1.1.2"], printed11.Select(a => a.Code));
        Assert.StartsWith("Validar por el Pleno", printed11[0].Text);
        Assert.StartsWith("Identificar las normativas", printed11[1].Text);
        Assert.Equal(Catalog.Activities.Count, Catalog.Activities.Select(a => a.Code).Distinct().Count());
    }

    [Fact]
    public void Item_2_the_garbled_strategic_objective_is_cut_to_its_complete_sentence_and_1_is_objective_1_1_1()
    {
        var so = StrategicObjectives.Single(s => s.Code == "1.1");
        Assert.EndsWith("implementación de la Estrategia Regional.", so.Text);
        Assert.DoesNotContain("mecanismos nacionales", so.Text);
        Assert.Equal("1.", OperationalObjectives.Single(o => o.Code == "1.1.1").Label);
        // The printed text is not lost: the file keeps it next to the repaired one.
        var printed = (string?)EmbeddedPlanJson.SeedPlan()["axes"]![0]!["strategicObjectives"]![0]!["printedText"];
        Assert.EndsWith("Estrategia Regional. mecanismos nacionales que conforman la Coalición Regional.", printed);
    }

    [Fact]
    public void Item_3_the_page_break_row_is_merged_into_activity_1_2()
    {
        var a = Activity("1.1.1.3");
        Assert.Equal("1.2.", a.Label);
        Assert.EndsWith("acciones contenidas en la estrategia regional.", a.Text);
        Assert.EndsWith("Sociedad Civil", a.Meta);
        Assert.EndsWith("ONG", a.Indicador);
        Assert.DoesNotContain(Catalog.Activities, x => x.Text.StartsWith("la estrategia regional", StringComparison.Ordinal));
    }

    [Fact]
    public void Item_4_objective_printed_2_space_1_1_is_2_1_1_and_the_prevention_indicator_is_kept()
    {
        var oo = OperationalObjectives.Single(o => o.Label == "2. 1.1.");
        Assert.Equal("2.1.1", oo.Code);
        Assert.Contains("Estrategia de Prevención", Activity("2.1.1.1").Indicador);
    }

    [Fact]
    public void Item_5_activity_printed_3_1_2_is_3_1_1_1_and_strategic_objective_3_2_is_marked_as_missing_heading()
    {
        Assert.Equal("3.1.2.", Activity("3.1.1.1").Label);
        Assert.Equal("3.1.1", Activity("3.1.1.1").OperationalObjectiveCode);

        var so32 = StrategicObjectives.Single(s => s.Code == "3.2");
        Assert.Equal("", so32.Label);
        Assert.StartsWith("[Sin encabezado", so32.Text);
        Assert.Contains(so32.OperationalObjectives.Single().Text, so32.Text);
    }

    [Fact]
    public void Item_6_axis_4s_table_headed_2018_2019_is_read_as_2020_2021()
    {
        Assert.Equal(100m, Activity("4.1.1.1").ForYear(2021)!.Programado);
        Assert.Equal(50m, Activity("4.1.1.2").ForYear(2020)!.Programado);
        Assert.DoesNotContain(Catalog.Activities.SelectMany(a => a.Years), y => y.Year < 2020);
    }

    [Fact]
    public void Item_7_values_under_blank_year_headers_are_kept_by_column_position()
    {
        Assert.Equal(50m, Activity("3.2.1.2").ForYear(2022)!.Programado);
        Assert.Equal(40m, Activity("4.1.2.2").ForYear(2022)!.Programado);
    }

    [Fact]
    public void Item_8_blank_cells_are_null_and_a_printed_zero_is_zero()
    {
        var identificar = Activity("1.1.1.2");
        Assert.Equal(0m, identificar.ForYear(2020)!.Ejecutado);
        Assert.Null(identificar.ForYear(2021)!.Ejecutado);
        Assert.Null(Activity("2.1.1.2").ForYear(2020)!.Programado);
        Assert.Equal(60m, Activity("2.1.1.1").ForYear(2021)!.Programado); // printed "60 %"
    }

    [Fact]
    public void Item_9_programado_is_kept_per_year_as_printed_without_reinterpretation()
    {
        decimal Sum(string code) => Activity(code).Years.Sum(y => y.Programado ?? 0);
        Assert.Equal(55m, Sum("4.1.2.3"));
        Assert.Equal(100m, Sum("1.1.1.3"));
        Assert.Equal(100m, Sum("4.1.3.1"));
        Assert.Equal(150m, Sum("1.1.1.2")); // cumulative-looking 50 then 100
        Assert.Equal([50m, 50m, 50m], Activity("3.2.1.2").Years.Select(y => y.Programado!.Value));
    }

    [Fact]
    public void Item_10_reporting_follows_the_responsable()
    {
        Assert.All(Catalog.Activities, a =>
        {
            var r = a.Responsable;
            var national = r.StartsWith("Países", StringComparison.Ordinal) || r.StartsWith("Comisiones", StringComparison.Ordinal)
                || r.Contains("Países miembros:", StringComparison.Ordinal);
            var regional = r.Contains("ST ", StringComparison.Ordinal) || r.StartsWith("ST", StringComparison.Ordinal)
                || r.Contains("Secretaría Técnica", StringComparison.Ordinal) || r == "Coalición Regional";
            var expected = (national, regional) switch
            {
                (true, true) => ReportingLevel.Both,
                (true, false) => ReportingLevel.National,
                (false, true) => ReportingLevel.Regional,
                _ => (ReportingLevel?)null,
            };
            Assert.True(expected == a.Reporting, $"{a.Code} '{r}': expected {expected}, catalog says {a.Reporting}");
        });
        Assert.Equal([8, 5, 7], new[] { ReportingLevel.National, ReportingLevel.Regional, ReportingLevel.Both }
            .Select(l => Catalog.Activities.Count(a => a.Reporting == l)));
    }

    [Fact]
    public void Item_11_the_seeds_ejecutado_values_are_kept()
    {
        Assert.Equal(100m, Activity("1.1.1.1").ForYear(2020)!.Ejecutado);
        Assert.Equal(0m, Activity("1.1.1.2").ForYear(2020)!.Ejecutado);
        Assert.Equal(0m, Activity("1.1.1.4").ForYear(2020)!.Ejecutado);
        Assert.Equal(100m, Activity("1.1.1.4").ForYear(2021)!.Ejecutado);
        Assert.Equal(4, Catalog.Activities.SelectMany(a => a.Years).Count(y => y.Ejecutado is not null));
    }

    [Fact]
    public void The_file_documents_a_resolution_for_every_notes_item()
    {
        var items = EmbeddedPlanJson.SeedPlan()["resolutions"]!.AsArray()
            .Select(r => (int)r!["item"]!)
            .Order();
        Assert.Equal(Enumerable.Range(1, 11), items);
        Assert.All(EmbeddedPlanJson.SeedPlan()["resolutions"]!.AsArray(),
            r => Assert.True(((string?)r!["resolution"])?.Length > 40, r.ToJsonString()));
    }

    [Fact]
    public void Counting_indicators_are_flagged_as_counts()
    {
        Assert.All(Catalog.Activities.Where(a =>
                a.Indicador.StartsWith("Número", StringComparison.Ordinal) || a.Indicador.StartsWith("Cantidad", StringComparison.Ordinal)
                || a.Indicador.StartsWith("8 infografías", StringComparison.Ordinal)),
            a => Assert.True(a.IndicatorIsCount, a.Code));
        Assert.Equal(10, Catalog.Activities.Count(a => a.IndicatorIsCount));
    }
}
