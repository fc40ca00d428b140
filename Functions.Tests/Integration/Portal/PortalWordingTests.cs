using System.Net;
using AngleSharp.Dom;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// Issue 22's wording on the portal's pages, in Spanish and English, through the real server and read with a real
/// parser: one label per quarter everywhere a person reads it (the key stays in addresses and data attributes),
/// counts for their number and names agreeing with their verb, "inclusive" and plain quotes in English, Spanish text
/// inside an English page marked <c>lang="es"</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalWordingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Q3Es = "3.er trimestre de 2021", Q3En = "3rd quarter of 2021";

    private PortalHost _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalHost.StartAsync(azurite, blobEvents: false);
        // Q3: GT and the ST report; HN's only sheet is rejected (an ejecutado over 100); the other units send nothing.
        await PortalTrendsTests.SeedAsync(_portal);
        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IDocument> PageAsync(string path, string role = PortalRoles.CoalitionReader, string user = "presidencia@coalicion.example.org")
    {
        using var client = _portal.As(user, role);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalPages.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_board_names_the_quarter_by_its_label_and_who_did_not_report_in_agreement()
    {
        var es = await PageAsync("coalition/2021-Q3");
        var en = await PageAsync("coalition/2021-Q3?lang=en");

        Wording.AssertReadsWell(es, Language.Es, Q3Es);
        Wording.AssertReadsWell(en, Language.En, Q3En);
        Assert.Contains(Q3Es, PortalPages.Text(es.QuerySelector("h1")), StringComparison.Ordinal);
        Assert.Contains(Q3En, PortalPages.Text(en.QuerySelector("h1")), StringComparison.Ordinal);
        // Several units have no accepted report: the verb is plural, the names joined as a sentence joins them.
        var missingEs = PortalPages.Text(es.QuerySelector("[data-missing]"));
        var missingEn = PortalPages.Text(en.QuerySelector("[data-missing]"));
        Assert.StartsWith("No informaron ", missingEs, StringComparison.Ordinal);
        Assert.Contains("Honduras (solo envíos rechazados)", missingEs, StringComparison.Ordinal);
        Assert.Contains(" y ", missingEs, StringComparison.Ordinal);
        Assert.Contains(" did not report: ", missingEn, StringComparison.Ordinal);
        Assert.Contains(" and ", missingEn, StringComparison.Ordinal);
        // The period picker names each quarter once, by its label; its values stay the keys the address carries.
        var option = es.QuerySelectorAll("#period option").Single(o => o.HasAttribute("selected"));
        Assert.Equal(("2021-Q3", Q3Es), (option.GetAttribute("value"), PortalPages.Text(option)));
    }

    [Fact]
    public async Task The_english_progress_page_marks_the_plan_s_spanish_heading_and_the_spanish_page_needs_no_mark()
    {
        var es = await PageAsync("coalition/2021-Q3/progress");
        var en = await PageAsync("coalition/2021-Q3/progress?lang=en");

        var headingEn = en.QuerySelectorAll("th").Single(th => PortalPages.Text(th) == "Ejecutado / programado");
        var headingEs = es.QuerySelectorAll("th").Single(th => PortalPages.Text(th) == "Ejecutado / programado");
        Assert.Equal("es", headingEn.GetAttribute("lang"));
        Assert.False(headingEs.HasAttribute("lang"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_trends_page_names_its_quarters_by_their_label_and_its_range_as_inclusive()
    {
        const string path = "coalition/trends?plan=2020-2022&from=2021-Q1&to=2021-Q3";
        var es = await PageAsync(path);
        var en = await PageAsync(path + "&lang=en");

        var textEs = Wording.AssertReadsWell(es, Language.Es, Q3Es);
        var textEn = Wording.AssertReadsWell(en, Language.En, Q3En);
        Assert.Contains("Del 1.er trimestre de 2021 al 3.er trimestre de 2021, ambos incluidos:", textEs, StringComparison.Ordinal);
        Assert.Contains("From the 1st quarter of 2021 to the 3rd quarter of 2021, inclusive:", textEn, StringComparison.Ordinal);
        // Tables head their columns with the label, the chart's axis with the ordinal over the year; data keeps the key.
        var rateRows = en.QuerySelectorAll("table[data-table='trend-rate'] tbody th").Select(PortalPages.Text).ToList();
        Assert.Equal(["1st quarter of 2021", "2nd quarter of 2021", Q3En], rateRows);
        Assert.Equal(["1.er", "2.º", "3.er"], es.QuerySelectorAll("svg#trend-rate text.chart-axis:not(.chart-year)").Select(PortalPages.Text)
            .Where(t => t.Contains('.', StringComparison.Ordinal)).ToList());
        Assert.Equal(["2021-Q1", "2021-Q2", "2021-Q3"], en.QuerySelectorAll("table[data-table='trend-rate'] td[data-quarter]").Select(t => t.GetAttribute("data-quarter")));
    }

    [Fact]
    public async Task A_unit_s_quarter_page_names_the_quarter_by_its_label_in_both_languages()
    {
        var es = await PageAsync("units/GT/2021-Q3", PortalRoles.Unit("GT"), "ana@gt.example.org");
        var en = await PageAsync("units/BZ/2021-Q3?lang=en", PortalRoles.Unit("BZ"), "focal@bz.example.org");

        Wording.AssertReadsWell(es, Language.Es, Q3Es);
        Wording.AssertReadsWell(en, Language.En, Q3En);
        Assert.Equal("Descargar la plantilla del 3.er trimestre de 2021 (.xlsx)", PortalPages.Text(PortalPages.Summary(es, "Plantilla").QuerySelector("a")));
        Assert.Equal("Download the template of the 3rd quarter of 2021 (.xlsx)", PortalPages.Text(PortalPages.Summary(en, "Template").QuerySelector("a")));
    }

    [Fact]
    public async Task The_english_digest_marks_its_spanish_words_and_both_name_the_quarter_by_its_label()
    {
        // The preview is the mail as it goes out, in the digest's configured language: an English portal for the English one.
        var es = await PageAsync("coalition/2021-Q3/digest/mail");
        await using var english = await PortalHost.StartAsync(azurite, blobEvents: false, extra: new Dictionary<string, string?> { ["Digest:Language"] = "en" });
        await english.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 5).Build());
        using var reader = english.As("presidencia@coalicion.example.org", PortalRoles.CoalitionReader);
        using var response = await reader.GetAsync("coalition/2021-Q3/digest/mail");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var en = PortalPages.Parse(await response.Content.ReadAsStringAsync());

        Wording.AssertReadsWell(es, Language.Es, Q3Es);
        var textEn = Wording.AssertReadsWell(en, Language.En, Q3En);
        Assert.Equal("Resumen del plan regional — " + Q3Es, PortalPages.Text(es.QuerySelector("h1")));
        Assert.Equal("Regional plan digest — " + Q3En, PortalPages.Text(en.QuerySelector("h1")));
        Assert.Contains(" did not report: ", textEn, StringComparison.Ordinal);
        // Spanish inside the English mail says so; the Spanish mail needs no such mark.
        Assert.Contains(en.QuerySelectorAll("[lang='es']"), e => PortalPages.Text(e) == "Ejecutado / programado");
        Assert.Empty(es.QuerySelectorAll("body [lang='en']"));
    }
}
