using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// Issue 22, a focal point's history: each upload and each sheet the portal refused is listed under the name the person
/// sent it with, its error and warning counts written for their number, and links with names of their own to an HTML
/// verdict page of THAT stored report (the JSON beside it); entries kept before the sent name was recorded say they show
/// the stored name. Read through the real server on Azurite, the HTML with AngleSharp.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalVerdictPagesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Sent = "Informe GT 3.er trimestre (final) ‮.xlsx";
    private const string SentShown = "Informe GT 3.er trimestre (final) .xlsx";
    private const string RefusedSent = "informe con errores.xlsx";
    private readonly FakeTimeProvider _clock = new(PortalHost.Now);
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, time: _clock, arrivalsOnClock: true, extra: new Dictionary<string, string?>
    {
        ["Reports:LockGraceDays"] = "15",
        ["Contacts:Units:GT"] = "ana@gt.example.org",
    });

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<JsonElement> UploadAsync(PortalSession session, byte[] sheet, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "units/GT/2021-Q3/upload") { Content = PortalHost.Form(session.Token, sheet, fileName) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("Origin", _portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await session.Client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalPages.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The links of the quarter page's upload tables (history and refused sheets), by accessible name (text, hidden parts included).</summary>
    private static List<(string Name, string Href)> TableLinks(IDocument page) =>
        page.QuerySelectorAll("main table a").Select(a => (PortalPages.Text(a), a.GetAttribute("href")!)).ToList();

    [Fact]
    public async Task Uploads_and_refused_sheets_show_the_sent_name_the_counts_and_links_named_apart_to_their_verdict_pages()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var refused = await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Ejecutado("1.1.1.3", 130).Build(), RefusedSent);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 140).Build(), RefusedSent);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var accepted = await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Build(), Sent);
        var id = accepted.GetProperty("submissionId").GetString()!;
        await _portal.OutcomeAsync("GT", "2021-Q3", id);
        Assert.False(refused.GetProperty("accepted").GetBoolean());

        var page = await PageAsync(gt.Client, "units/GT/2021-Q3");

        // The history: the name sent (a bidirectional override dropped), the counts in words, the verdict page first.
        var row = Assert.Single(PortalPages.History(page));
        Assert.Equal(SentShown, row.File);
        Assert.Equal("0 errores", row.Errors);
        Assert.Equal(SentShown, PortalPages.Text(page.QuerySelector("[data-current] a")));
        Assert.Equal($"/units/GT/2021-Q3/submissions/{id}/verdict", page.QuerySelector("[data-current] a")!.GetAttribute("href"));
        // The refused sheets: two files sent under one name, told apart by when they came; their counts for their number.
        var refusedRows = page.QuerySelectorAll("table[data-refused] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(PortalPages.Text).ToList()).ToList();
        Assert.Equal([RefusedSent, RefusedSent], refusedRows.Select(r => r[1]));
        Assert.Equal(["1 error", "2 errores"], refusedRows.Select(r => r[2]));
        Assert.Equal("20 de octubre de 2021, 06:01 (hora de Guatemala, UTC−6)", refusedRows[0][0]);
        // Every link of the tables has a name of its own, and the first of each row is its HTML verdict page.
        var links = TableLinks(page);
        Assert.Equal(links.Count, links.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(links, l => l.Name == $"Ver el resultado de «{SentShown}», recibido el 20 de octubre de 2021, 06:02 (hora de Guatemala, UTC−6)"
            && l.Href == $"/units/GT/2021-Q3/submissions/{id}/verdict");
        Assert.Equal(2, links.Count(l => l.Name.StartsWith("JSON de «informe con errores.xlsx»", StringComparison.Ordinal)));

        // The refused sheet's verdict page: its name, counts, every finding in the verdict's table, the JSON as a secondary link.
        var check = links.First(l => l.Name.StartsWith("Ver el resultado de «informe con errores.xlsx», recibido el 20 de octubre de 2021, 06:00", StringComparison.Ordinal));
        var verdict = await PageAsync(gt.Client, check.Href.TrimStart('/'));
        Assert.Equal("Resultado de «informe con errores.xlsx»", PortalPages.Text(verdict.QuerySelector("h1")));
        Assert.StartsWith("Resultado de «informe con errores.xlsx» – ", verdict.Title, StringComparison.Ordinal);
        Assert.Equal("2 errores, 1 advertencia", PortalPages.Text(verdict.QuerySelector("[data-counts]")));
        Assert.Equal("Rechazado en el portal (no se envió)", PortalPages.Text(verdict.QuerySelector("[data-result]")));
        Assert.Equal("20 de octubre de 2021, 06:00 (hora de Guatemala, UTC−6)", PortalPages.Text(verdict.QuerySelector("[data-received]")));
        Assert.NotNull(verdict.GetElementById("issue-1"));
        Assert.NotNull(verdict.GetElementById("issue-2"));
        var json = verdict.QuerySelectorAll("main a").Single(a => PortalPages.Text(a) == "Descargar el informe en JSON de «informe con errores.xlsx»");
        using var report = await gt.Client.GetAsync(json.GetAttribute("href")!.TrimStart('/'));
        Assert.Equal("application/json", report.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, JsonDocument.Parse(await report.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetArrayLength());

        // The accepted upload's page: its own report, its original, in English too.
        var mine = await PageAsync(gt.Client, $"units/GT/2021-Q3/submissions/{id}/verdict?lang=en");
        Assert.Equal($"Result of \"{SentShown}\"", PortalPages.Text(mine.QuerySelector("h1")));
        // Its one warning: the sheet names an e-mail that is not GT's registered contact.
        Assert.Equal("0 errors, 1 warning", PortalPages.Text(mine.QuerySelector("[data-counts]")));
        Assert.Equal("Current", PortalPages.Text(mine.QuerySelector("[data-result]")));
        Assert.Contains("FOCAL_EMAIL_NOT_REGISTERED", PortalPages.Text(mine.QuerySelector("section.findings-warnings")), StringComparison.Ordinal);
        Assert.Contains(mine.QuerySelectorAll("main a"), a => PortalPages.Text(a) == $"Download the original of \"{SentShown}\" (.xlsx)");

    }

    [Fact]
    public async Task Entries_from_before_the_sent_name_was_recorded_show_the_stored_name_and_say_so_and_their_verdict_page_still_reads()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var entry = await _portal.SettledAsync(
            await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Build(), "20211019-090343-GT-Q3-corregido.xlsx"));
        // As the history and the reports were written before: no sent name on the entry, no metadata on the report.
        var table = new TableClient(_portal.Storage.ConnectionString, _portal.Storage.Layout.SubmissionsTable);
        var old = await table.GetEntityAsync<TableEntity>(entry.PartitionKey, entry.RowKey);
        old.Value.Remove(nameof(SubmissionEntity.SentName));
        await table.UpdateEntityAsync(old.Value, old.Value.ETag, TableUpdateMode.Replace);
        var reports = _portal.Storage.Blobs.GetBlobContainerClient(_portal.Storage.Layout.Reports);
        await reports.GetBlobClient("GT/2021-Q3/20211019-090343-GT-Q3-corregido.validation.json").SetMetadataAsync(new Dictionary<string, string>());
        var legacyReport = new ValidationReport
        {
            Unit = "GT",
            Period = "2021-Q3",
            Errors = [new ValidationIssue("EJECUTADO_OUT_OF_RANGE", IssueSeverity.Error, "Escriba un número de 0 a 100.", "Informe", "F12") { Activity = "1.1.1.2" }],
        };
        await reports.GetBlobClient("GT/2021-Q3/portal-rejected/20211018-100000-informe-viejo.validation.json").UploadAsync(BinaryData.FromString(legacyReport.ToJson()));

        var page = await PageAsync(gt.Client, "units/GT/2021-Q3");

        var row = Assert.Single(PortalPages.History(page));
        Assert.Equal("20211019-090343-GT-Q3-corregido.xlsx (nombre con que se guardó: el nombre enviado no se registraba entonces)", row.File);
        Assert.Equal("1 error", row.Errors);
        var refused = Assert.Single(page.QuerySelectorAll("table[data-refused] tbody tr")).QuerySelectorAll("td").Select(PortalPages.Text).ToList();
        Assert.Equal("20211018-100000-informe-viejo.xlsx (nombre con que se guardó: el nombre enviado no se registraba entonces)", refused[1]);
        Assert.Equal("1 error", refused[2]);

        var verdict = await PageAsync(gt.Client, $"units/GT/2021-Q3/submissions/{entry.RowKey}/verdict");
        Assert.Equal("Resultado de «20211019-090343-GT-Q3-corregido.xlsx»", PortalPages.Text(verdict.QuerySelector("h1")));
        Assert.Contains("no se registraba entonces", PortalPages.Text(verdict.QuerySelector("[data-sent-name]")), StringComparison.Ordinal);
        Assert.Null(verdict.QuerySelector("[data-replaced]"));
        Assert.NotNull(verdict.GetElementById("issue-1"));
        var check = await PageAsync(gt.Client, "units/GT/2021-Q3/checks/20211018-100000-informe-viejo/verdict");
        Assert.Equal("1 error, 0 advertencias", PortalPages.Text(check.QuerySelector("[data-counts]")));
        Assert.Equal("F12", PortalPages.Text(check.QuerySelectorAll("#issue-1 td")[2]));
    }

    [Fact]
    public async Task A_later_file_stored_under_the_same_name_never_shows_as_the_earlier_file_s_verdict()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        // A script writes informe.xlsx twice: refused, then another content accepted under the same name.
        var first = await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Ejecutado("1.1.1.3", 160).Build());
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());

        var earlier = await PageAsync(gt.Client, $"units/GT/2021-Q3/submissions/{first.RowKey}/verdict");
        var later = await PageAsync(gt.Client, $"units/GT/2021-Q3/submissions/{second.RowKey}/verdict");

        Assert.Equal("2 errores, 1 advertencia", PortalPages.Text(earlier.QuerySelector("[data-counts]")));
        Assert.NotNull(earlier.QuerySelector("[data-replaced]"));
        // Its own errors, as the history kept them; no link to the JSON or the copy that are now the later file's.
        Assert.NotNull(earlier.GetElementById("issue-2"));
        Assert.DoesNotContain(earlier.QuerySelectorAll("main a"), a => PortalPages.Text(a).StartsWith("Descargar el informe en JSON", StringComparison.Ordinal));
        Assert.Equal("informe.xlsx", first.SentName);
        Assert.Null(later.QuerySelector("[data-replaced]"));
        Assert.Contains(later.QuerySelectorAll("main a"), a => PortalPages.Text(a) == "Descargar el informe en JSON de «informe.xlsx»");
    }

    [Fact]
    public async Task A_report_blob_past_the_read_limit_or_not_a_report_is_no_verdict_page_and_breaks_no_list()
    {
        using var gt = _portal.As("ana@gt.example.org", "Unit.GT");
        var reports = _portal.Storage.Blobs.GetBlobContainerClient(_portal.Storage.Layout.Reports);
        await reports.CreateIfNotExistsAsync();
        // Anyone with write access to storage could leave these; the app never writes them.
        await reports.GetBlobClient("GT/2021-Q3/portal-rejected/20211018-100000-enorme.validation.json")
            .UploadAsync(new BinaryData(new byte[Core.Portal.Uploads.UnitFiles.MaxReportBytes + 1]));
        await reports.GetBlobClient("GT/2021-Q3/portal-rejected/20211018-110000-roto.validation.json").UploadAsync(BinaryData.FromString("{\"errors\": 3"));

        using var huge = await gt.GetAsync("units/GT/2021-Q3/checks/20211018-100000-enorme/verdict");
        using var broken = await gt.GetAsync("units/GT/2021-Q3/checks/20211018-110000-roto/verdict");
        var page = await PageAsync(gt, "units/GT/2021-Q3");

        Assert.Equal(HttpStatusCode.NotFound, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, broken.StatusCode);
        Assert.Equal(2, page.QuerySelectorAll("table[data-refused] tbody tr").Length);
    }

    [Theory]
    [InlineData("ana@gt.example.org", "Unit.GT", HttpStatusCode.OK)]
    [InlineData("jose@hn.example.org", "Unit.HN", HttpStatusCode.Forbidden)]
    [InlineData("presidencia@coalicion.example.org", "Coalition.Reader", HttpStatusCode.OK)]
    [InlineData("st@coalicion.example.org", "Coalition.Admin", HttpStatusCode.OK)]
    public async Task The_verdict_pages_are_the_unit_s_focal_points_and_readers_and_nobody_else_s(string who, string role, HttpStatusCode expected)
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Build(), RefusedSent);
        var entry = await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        var stem = PortalPages.Parse(await gt.Client.GetStringAsync("units/GT/2021-Q3")).QuerySelector("table[data-refused] a")!.GetAttribute("href")!.Split('/')[5];
        using var client = _portal.As(who, role);
        using var anonymous = _portal.Server.CreateClient();

        foreach (var path in new[] { $"units/GT/2021-Q3/submissions/{entry.RowKey}/verdict", $"units/GT/2021-Q3/checks/{stem}/verdict" })
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, path);
            page.Headers.Accept.ParseAdd("text/html");
            using var response = await client.SendAsync(page);
            Assert.Equal(expected, response.StatusCode);
            using var signIn = new HttpRequestMessage(HttpMethod.Get, path);
            signIn.Headers.Accept.ParseAdd("text/html");
            using var nobody = await anonymous.SendAsync(signIn);
            Assert.Equal(HttpStatusCode.Redirect, nobody.StatusCode);
        }
        using var unknown = await _portal.As("ana@gt.example.org", "Unit.GT").GetAsync($"units/GT/2021-Q3/submissions/{new string('a', 64)}/verdict");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badStem = await _portal.As("ana@gt.example.org", "Unit.GT").GetAsync("units/GT/2021-Q3/checks/..%2F..%2Fx/verdict");
        Assert.Equal(HttpStatusCode.NotFound, badStem.StatusCode);
    }

    [Fact]
    public async Task The_two_dates_are_explained_together_on_the_quarter_and_in_the_list_of_quarters()
    {
        using var gt = _portal.As("ana@gt.example.org", "Unit.GT");
        const string Before = "Último día para enviar: 30 de octubre de 2021 inclusive (hora de Guatemala, UTC−6). Después, y hasta el 14 de noviembre de 2021 inclusive, el envío se registra como tardío; desde el 15 de noviembre de 2021, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.";

        var quarter = await PageAsync(gt, "units/GT/2021-Q3");
        var quarters = await PageAsync(gt, "units/GT");

        Assert.Equal(Before, PortalPages.Text(quarter.QuerySelector("[data-dates]")));
        // Open and never reopened: the lock date is said once, in the explanation.
        Assert.Null(quarter.QuerySelector("[data-lock]"));
        Assert.Contains(quarters.QuerySelectorAll("ul.task-list .task-hint"), h => PortalPages.Text(h) == Before);

        _clock.SetUtcNow(new DateTimeOffset(2021, 11, 5, 12, 0, 0, TimeSpan.Zero));
        var late = await PageAsync(gt, "units/GT/2021-Q3?lang=en");
        Assert.Equal("Last day to send: 30 October 2021 inclusive (Guatemala time, UTC−6); it has passed. Until 14 November 2021 inclusive, a report is recorded as late; from 15 November 2021, the quarter is locked and only the Technical Secretariat can reopen it.",
            PortalPages.Text(late.QuerySelector("[data-dates]")));

        _clock.SetUtcNow(new DateTimeOffset(2021, 11, 18, 12, 0, 0, TimeSpan.Zero));
        var locked = await PageAsync(gt, "units/GT/2021-Q3");
        Assert.Equal("Último día para enviar: 30 de octubre de 2021 inclusive (hora de Guatemala, UTC−6); ya pasó. Los envíos tardíos se aceptaron hasta el 14 de noviembre de 2021 inclusive; desde el 15 de noviembre de 2021, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.",
            PortalPages.Text(locked.QuerySelector("[data-dates]")));
        Assert.StartsWith("Cerrado desde el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6)", PortalPages.Text(locked.QuerySelector("[data-lock]")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sheet_at_23_59_59_on_Guatemala_s_last_day_is_on_time_and_shown_on_Guatemala_s_clock_a_second_later_is_late()
    {
        using var gt = _portal.As("ana@gt.example.org", "Unit.GT");
        // 30 October 2021, 23:59:59 in Guatemala (UTC−6) is 31 October, 05:59:59 UTC: the UTC day is already the 31st.
        _clock.SetUtcNow(new DateTimeOffset(2021, 10, 31, 5, 59, 59, TimeSpan.Zero));
        var onTime = await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build(), "a-tiempo.xlsx");

        var page = await PageAsync(gt, "units/GT/2021-Q3");
        Assert.Equal("30 de octubre de 2021, 23:59 (hora de Guatemala, UTC−6)", Assert.Single(PortalPages.History(page)).Received);
        Assert.Equal(["Aceptado a tiempo"], PortalPages.Tags(PortalPages.Summary(page, "Estado")));
        var verdict = await PageAsync(gt, $"units/GT/2021-Q3/submissions/{onTime.RowKey}/verdict");
        Assert.Equal("30 de octubre de 2021, 23:59 (hora de Guatemala, UTC−6)", PortalPages.Text(verdict.QuerySelector("[data-received]")));

        // Honduras keeps the same clock: a second later, its sheet is late, and its page says the first minute of the 31st.
        _clock.SetUtcNow(new DateTimeOffset(2021, 10, 31, 6, 0, 0, TimeSpan.Zero));
        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Build(), "tarde.xlsx");
        using var hn = _portal.As("jose@hn.example.org", "Unit.HN");
        var late = await PageAsync(hn, "units/HN/2021-Q3");
        Assert.Equal("31 de octubre de 2021, 00:00 (hora de Honduras, UTC−6)", Assert.Single(PortalPages.History(late)).Received);
        Assert.Equal(["Aceptado tarde"], PortalPages.Tags(PortalPages.Summary(late, "Estado")));
        Assert.StartsWith("Último día para enviar: 30 de octubre de 2021 inclusive (hora de Honduras, UTC−6); ya pasó.", PortalPages.Text(late.QuerySelector("[data-dates]")), StringComparison.Ordinal);
    }
}
