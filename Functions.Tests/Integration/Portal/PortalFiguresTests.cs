using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// The coalition pages tell the figures as issue 12 has every report tell them, in the digest's and the workbook's
/// words: completeness first (who reported and who did not, by name), execution against the year's programado with
/// its coverage and lower bound, ranking by relative progress, like-for-like change, "no aplica" as such, and the one
/// wording of the last day to send. The expected texts come from the same figures the workbook is written from.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalFiguresTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    private PortalHost _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalHost.StartAsync(azurite, blobEvents: false);
        // Q2: GT and BZ, so Q3 has a like-for-like change over them.
        await _portal.SubmitAsync("GT", "2021-Q2", FilledSheet.Complete("GT", "2021-Q2").Build());
        await _portal.SubmitAsync("BZ", "2021-Q2", FilledSheet.Complete("BZ", "2021-Q2").Build());
        // Q3: GT behind on 1.1.1.2 and 1.1.1.5, BZ on 1.1.1.5, "no aplica" on a shared activity; HN rejected only; the ST marks a
        // regional activity "no aplica" (so every unit that reports it does); the other countries send nothing.
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 5).Ejecutado("1.1.1.5", 2)
            .ClearInputs("2.1.2.1").Status("2.1.2.1", ActivityStatus.NotApplicable).Build());
        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());
        await _portal.SubmitAsync("BZ", "2021-Q3", FilledSheet.Complete("BZ", "2021-Q3").Ejecutado("1.1.1.5", 8).Build());
        await _portal.SubmitAsync("ST", "2021-Q3", FilledSheet.Complete("ST", "2021-Q3")
            .ClearInputs("3.1.1.1").Status("3.1.1.1", ActivityStatus.NotApplicable).Build());
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<RegionalProgress> FiguresAsync() =>
        (await _portal.Server.Services.GetRequiredService<MergedWorkbookService>().CalculateAsync(Q3, CancellationToken.None)).Progress;

    private async Task<string> PageAsync(string path)
    {
        using var reader = _portal.As("presidencia@coalicion.example.org", "Coalition.Reader");
        using var response = await reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return VisibleText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The page as a reader sees it: markup removed (a figure may sit in its own <c>strong</c>), entities decoded ("+"
    /// and quotes are encoded), runs of white space as one space.
    /// </summary>
    private static string VisibleText(string html)
    {
        var withoutHead = Regex.Replace(html, "<head>.*?</head>", " ", RegexOptions.Singleline);
        var text = WebUtility.HtmlDecode(Regex.Replace(withoutHead, "<[^>]+>", " "));
        return Regex.Replace(Regex.Replace(text, @"\s+", " "), @" ([.,:;)])", "$1");
    }

    [Fact]
    public async Task The_progress_page_leads_with_completeness_then_execution_with_its_coverage_and_lower_bound()
    {
        var progress = await FiguresAsync();

        var page = await PageAsync("coalition/2021-Q3/progress");

        var lines = RegionalHeadline.Lines(progress, Language.Es);
        var at = lines.Select(line => page.IndexOf(line, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0, "Every headline line is on the page:\n" + string.Join("\n", lines)));
        Assert.Equal(at.Order(), at);
        Assert.Contains("Honduras (solo envíos rechazados)", lines[1], StringComparison.Ordinal);
        Assert.True(progress.Overall.IsPartial);
        Assert.Contains($"cota inferior {FigureFormat.Percent(progress.Overall.LowerBoundExecution, Language.Es)}", page, StringComparison.Ordinal);
        Assert.Contains("Último día para enviar: 30 de octubre de 2021", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Quién informó", StringComparison.Ordinal) < page.IndexOf("Por eje", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Activities_show_coverage_no_aplica_like_for_like_change_and_the_ranking_by_relative_progress()
    {
        var progress = await FiguresAsync();
        var regional = progress.Activities.Single(a => a.Activity.Code == "3.1.1.1");
        var shared = progress.Activities.Single(a => a.Activity.Code == "2.1.2.1");
        var behind = DelayRanking.Of(progress);
        var changed = progress.Activities.First(a => a.Change is not null);

        var page = await PageAsync("coalition/2021-Q3/progress");

        Assert.True(regional.IsNotApplicableToAll);
        Assert.Contains("no aplica (1 de 1)", page, StringComparison.Ordinal);
        Assert.Contains($"{shared.Reporting} de {shared.Expected} unidades; 1 no aplica", page, StringComparison.Ordinal);
        Assert.Contains($"{FigureFormat.Signed(changed.Change!.Points, Language.Es)} puntos ({changed.Change.Units} unid.)", page, StringComparison.Ordinal);
        Assert.Equal(2, changed.Change.Units);
        // Ranked by ejecutado ÷ programado, not by the gap: 1.1.1.5 (5 of 50, a gap of 45) comes before 1.1.1.2
        // (52.5 of 100, a gap of 47.5).
        Assert.Equal(["1.1.1.5", "1.1.1.2"], behind.Take(2).Select(d => d.Activity.Activity.Code));
        var first = behind[0];
        var ranking = page[page.IndexOf("Actividades más atrasadas", StringComparison.Ordinal)..page.IndexOf("Por actividad", StringComparison.Ordinal)];
        Assert.Contains($"{first.Activity.Activity.Code} {first.Activity.Activity.Text}", ranking, StringComparison.Ordinal);
        Assert.Contains(FigureFormat.Percent(first.Relative * 100, Language.Es), ranking, StringComparison.Ordinal);
        Assert.True(ranking.IndexOf(behind[0].Activity.Activity.Code, StringComparison.Ordinal) < ranking.IndexOf(behind[1].Activity.Activity.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_board_names_who_reported_and_who_did_not_and_the_last_day_to_send()
    {
        var progress = await FiguresAsync();

        var page = await PageAsync("coalition/2021-Q3");

        Assert.Contains(RegionalHeadline.Reported(progress, Language.Es), page, StringComparison.Ordinal);
        Assert.Contains(RegionalHeadline.Missing(progress, Language.Es), page, StringComparison.Ordinal);
        Assert.Contains("Informaron 3 de 9 unidades", page, StringComparison.Ordinal);
        Assert.Contains("Último día para enviar: 30 de octubre de 2021", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Informaron 3 de 9", StringComparison.Ordinal) < page.IndexOf("Unidades esperadas este trimestre", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_English_the_pages_use_the_English_headline_and_dates()
    {
        var progress = await FiguresAsync();

        var board = await PageAsync("coalition/2021-Q3?lang=en");
        var figures = await PageAsync("coalition/2021-Q3/progress?lang=en");

        Assert.Contains(RegionalHeadline.Missing(progress, Language.En), board, StringComparison.Ordinal);
        Assert.Contains("Last day to send: 30 October 2021", board, StringComparison.Ordinal);
        Assert.Contains(RegionalHeadline.LowerBound(progress, Language.En), figures, StringComparison.Ordinal);
        Assert.Contains(RegionalHeadline.ExecutionMeaning(Q3, Language.En), figures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_sees_the_last_day_to_send_in_the_same_wording()
    {
        using var gt = _portal.As("ana@gt.example.org", "Unit.GT");

        var quarter = WebUtility.HtmlDecode(await gt.GetStringAsync("units/GT/2021-Q4"));
        var quarters = WebUtility.HtmlDecode(await gt.GetStringAsync("units/GT"));

        Assert.Contains("30 de enero de 2022", quarter, StringComparison.Ordinal);
        Assert.Contains("Último día para enviar", quarter, StringComparison.Ordinal);
        Assert.Contains("Último día para enviar: 30 de enero de 2022", quarters, StringComparison.Ordinal);
    }
}
