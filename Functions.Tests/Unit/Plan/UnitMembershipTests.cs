using System.Text.Json.Nodes;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using static ServerlessPlan.Tests.Unit.Plan.EmbeddedPlanJson;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>Members over time: a unit's optional <c>from</c> / <c>until</c> quarters and <see cref="ReportingUnits.At"/>.</summary>
public sealed class UnitMembershipTests
{
    private static ReportingUnits Load(Action<JsonArray> edit)
    {
        var units = DefaultUnits();
        edit(units["units"]!.AsArray());
        return ReportingUnitsLoader.Load(ToStream(units));
    }

    private static JsonObject Country(string code, string? from = null, string? until = null)
    {
        var unit = new JsonObject
        {
            ["code"] = code, ["name"] = new JsonObject { ["es"] = $"País {code}", ["en"] = $"Country {code}" },
            ["language"] = "es", ["kind"] = "country", ["timeZone"] = "America/Mexico_City",
        };
        if (from is not null) unit["from"] = from;
        if (until is not null) unit["until"] = until;
        return unit;
    }

    [Fact]
    public void A_unit_without_dates_is_a_member_in_every_quarter()
    {
        var units = ReportingUnitsLoader.LoadEmbedded();

        Assert.All(units.All, u => Assert.Equal((null, null), (u.From, u.Until)));
        Assert.Same(units, units.At(new ReportingPeriod(2021, 3)));
        Assert.Equal("miembro", units.Find("GT")!.Membership(Language.Es));
    }

    [Fact]
    public void A_country_that_joins_in_2024_and_one_that_leaves_in_2022_count_only_in_their_quarters()
    {
        var units = Load(list =>
        {
            list.Add(Country("MX", from: "2024-Q1"));
            list.Add(Country("CO", until: "2022-Q4"));
            list.Add(Country("PE", from: "2021-Q2", until: "2021-Q3"));
        });

        Assert.Equal(["MX", "CO", "PE"], units.All.Skip(9).Select(u => u.Code));
        Assert.DoesNotContain("MX", units.At(new ReportingPeriod(2023, 4)).All.Select(u => u.Code));
        Assert.Contains("MX", units.At(new ReportingPeriod(2024, 1)).All.Select(u => u.Code));
        Assert.Contains("CO", units.At(new ReportingPeriod(2022, 4)).Countries.Select(u => u.Code));
        Assert.DoesNotContain("CO", units.At(new ReportingPeriod(2023, 1)).Countries.Select(u => u.Code));
        Assert.Equal(["CO", "PE"], units.At(new ReportingPeriod(2021, 3)).All.Skip(9).Select(u => u.Code));
        Assert.DoesNotContain("PE", units.At(new ReportingPeriod(2021, 4)).All.Select(u => u.Code));

        // Every unit ever listed is still found by its code (names, language, contacts), member or not.
        Assert.NotNull(units.Find("MX"));
        Assert.Null(units.At(new ReportingPeriod(2021, 3)).Find("MX"));
        Assert.Equal(10, units.At(new ReportingPeriod(2024, 1)).All.Count);

        Assert.Equal(("miembro desde el 1.er trimestre de 2024", "a member from the 1st quarter of 2024"), (units.Find("MX")!.Membership(Language.Es), units.Find("MX")!.Membership(Language.En)));
        Assert.Equal("a member until the 4th quarter of 2022 inclusive", units.Find("CO")!.Membership(Language.En));
        Assert.Equal("miembro del 2.º trimestre de 2021 al 3.er trimestre de 2021", units.Find("PE")!.Membership(Language.Es));
    }

    [Theory]
    [InlineData("2024", null, "unit MX: 'from' must be a quarter written YYYY-Qn (e.g. 2024-Q1), not '2024'")]
    [InlineData("2024-01-01", null, "unit MX: 'from' must be a quarter")]
    [InlineData("2024-q1", null, "unit MX: 'from' must be a quarter")]
    [InlineData(null, "2024-Q5", "unit MX: 'until' must be a quarter")]
    [InlineData("2024-Q2", "2024-Q1", "unit MX: 'from' 2024-Q2 is after 'until' 2024-Q1")]
    public void Malformed_or_inverted_membership_dates_are_refused(string? from, string? until, string error)
    {
        var ex = Assert.Throws<PlanFormatException>(() => Load(list => list.Add(Country("MX", from, until))));

        Assert.Contains(ex.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_for_one_quarter_is_a_member_in_that_quarter_only()
    {
        var unit = new ReportingUnit("PE", new LocalizedText("Perú", "Peru"), Language.Es, ReportingUnitKind.Country)
        {
            From = new ReportingPeriod(2022, 2),
            Until = new ReportingPeriod(2022, 2),
        };

        Assert.True(unit.IsMemberIn(new ReportingPeriod(2022, 2)));
        Assert.False(unit.IsMemberIn(new ReportingPeriod(2022, 1)));
        Assert.False(unit.IsMemberIn(new ReportingPeriod(2022, 3)));
    }
}
