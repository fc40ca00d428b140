using System.Text.Json.Nodes;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

public sealed class ReportingUnitsLoaderTests
{
    private static readonly ReportingUnits Loaded = ReportingUnitsLoader.LoadEmbedded();

    private static JsonObject Unit(JsonObject units, string code) =>
        units["units"]!.AsArray().Select(u => u!.AsObject()).Single(u => (string?)u["code"] == code);

    private static PlanFormatException Rejects(JsonObject units) =>
        Assert.Throws<PlanFormatException>(() => ReportingUnitsLoader.Load(ToStream(units)));

    [Fact]
    public void Embedded_units_are_the_eight_default_members_and_the_secretariat()
    {
        Assert.Equal(["BZ", "CR", "SV", "GT", "HN", "NI", "PA", "DO"], Loaded.Countries.Select(u => u.Code));
        Assert.Equal(9, Loaded.All.Count);
        var st = Loaded.Find("ST");
        Assert.NotNull(st);
        Assert.Equal(ReportingUnitKind.Secretariat, st.Kind);
        Assert.Equal(Language.Es, st.Language);
        Assert.Equal("Secretaría Técnica", st.Name.Es);
        Assert.Equal("Technical Secretariat", st.Name.En);
    }

    [Fact]
    public void Belize_reports_in_english_and_the_others_in_spanish()
    {
        Assert.Equal(Language.En, Loaded.Find("bz")!.Language);
        Assert.Equal("Belize", Loaded.Find("BZ")!.Name.En);
        Assert.All(Loaded.All.Where(u => u.Code != "BZ"), u => Assert.Equal(Language.Es, u.Language));
        Assert.Equal("República Dominicana", Loaded.Find("DO")!.Name.Es);
    }

    [Fact]
    public void A_country_reports_national_and_shared_activities_and_the_st_regional_and_shared_ones()
    {
        var catalog = PlanLoader.LoadEmbedded("2020-2022");
        var country = catalog.ActivitiesFor(Loaded.Find("GT")!);
        var st = catalog.ActivitiesFor(Loaded.Find("ST")!);

        Assert.Equal(15, country.Count); // 8 national + 7 both
        Assert.Equal(12, st.Count); // 5 regional + 7 both
        Assert.DoesNotContain(country, a => a.Reporting == ReportingLevel.Regional);
        Assert.DoesNotContain(st, a => a.Reporting == ReportingLevel.National);
        Assert.Equal(catalog.Activities.Count, country.Union(st).Count());
        Assert.Equal(country.Count, catalog.ActivitiesFor(Loaded.Find("BZ")!).Count);
    }

    [Fact]
    public void Loads_a_replacement_member_list_from_a_file()
    {
        var units = DefaultUnits();
        units["units"]!.AsArray().RemoveAt(0);
        using var file = new TempFile(units);
        var loaded = ReportingUnitsLoader.LoadFile(file.Path);
        Assert.Null(loaded.Find("BZ"));
        Assert.Equal(7, loaded.Countries.Count());
    }

    [Fact]
    public void Rejects_a_duplicate_code()
    {
        var units = DefaultUnits();
        Unit(units, "CR")["code"] = "SV";
        Assert.Contains("duplicate unit code SV", Rejects(units).Errors);
    }

    [Fact]
    public void Rejects_a_language_other_than_es_or_en()
    {
        var units = DefaultUnits();
        Unit(units, "BZ")["language"] = "fr";
        Assert.Contains("unit BZ: language 'fr' is not es or en", Rejects(units).Errors);
    }

    [Fact]
    public void Rejects_an_unknown_kind()
    {
        var units = DefaultUnits();
        Unit(units, "HN")["kind"] = "ngo";
        Assert.Contains("unit HN: kind 'ngo' is not country or secretariat", Rejects(units).Errors);
    }

    [Fact]
    public void Rejects_a_list_without_a_secretariat()
    {
        var units = DefaultUnits();
        units["units"]!.AsArray().Remove(Unit(units, "ST"));
        Assert.Contains(Rejects(units).Errors, e => e.StartsWith("there is no unit of kind secretariat", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_list_without_a_country()
    {
        var units = new JsonObject { ["units"] = new JsonArray(Unit(DefaultUnits(), "ST").DeepClone()) };
        Assert.Contains("there is no unit of kind country", Rejects(units).Errors);
    }

    [Fact]
    public void Rejects_a_code_unfit_for_keys_and_a_missing_name()
    {
        var units = DefaultUnits();
        Unit(units, "PA")["code"] = "pa/x";
        Unit(units, "NI").Remove("name");
        var errors = Rejects(units).Errors;
        Assert.Contains(errors, e => e.StartsWith("unit pa/x: code must be", StringComparison.Ordinal));
        Assert.Contains("unit NI: missing field 'name.es' or 'name.en'", errors);
    }
}
