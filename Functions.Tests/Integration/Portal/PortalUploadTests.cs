using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// A focal point's upload through the portal: the verdict at once (the same report as <c>POST /api/validate</c>), an
/// accepted sheet put at <c>uploads/{unit}/{period}/…</c> and ingested by the same trigger, a rejected one kept
/// out of <c>uploads/</c> with its verdict downloadable, and the protections around the form.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalUploadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<(HttpResponseMessage Response, JsonElement Body)> UploadAsync(PortalSession session, byte[] sheet, string unit = "GT",
        string? token = null, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"units/{unit}/2021-Q3/upload")
        {
            Content = PortalHost.Form(token ?? session.Token, sheet),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("Origin", _portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        adjust?.Invoke(request);
        var response = await session.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    private BlobContainerClient Container(Func<StorageLayout, string> name) => _portal.Storage.Blobs.GetBlobContainerClient(name(_portal.Storage.Layout));

    [Fact]
    public async Task An_accepted_sheet_is_stored_under_uploads_with_its_uploader_and_the_trigger_records_it_as_current()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");

        var (response, body) = await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("accepted").GetBoolean());
        Assert.Equal("submitted", body.GetProperty("state").GetString());
        var uploads = new List<string>();
        await foreach (var blob in Container(l => l.Uploads).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            uploads.Add(blob.Name);
            Assert.Equal("ana%40gt.example.org", blob.Metadata["uploader"]);
        }
        var name = Assert.Single(uploads);
        Assert.Matches(@"^GT/2021-Q3/20211020-120000-informe-GT-2021-Q3-[0-9a-f]{8}\.xlsx$", name);

        var id = body.GetProperty("submissionId").GetString()!;
        var entry = await _portal.OutcomeAsync("GT", "2021-Q3", id);
        Assert.Equal(SubmissionStatus.Current, entry.StatusValue);
        Assert.Equal("ana@gt.example.org", entry.Uploader);

        using var state = new HttpRequestMessage(HttpMethod.Get, body.GetProperty("statusUrl").GetString()!.TrimStart('/'));
        state.Headers.Accept.ParseAdd("application/json");
        var polled = JsonDocument.Parse(await (await gt.Client.SendAsync(state)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("current", polled.GetProperty("state").GetString());
        Assert.True(polled.GetProperty("final").GetBoolean());
        Assert.Equal("Registrado como su informe vigente.", polled.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Different_sheets_sent_with_the_same_name_in_the_same_second_are_each_stored_and_recorded()
    {
        // Two focal points of GT, and one of them twice, at the same instant (the host's clock stands still), with the
        // same file name: three different sheets, and the first again.
        using var ana = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        using var luis = await _portal.SessionAsync("luis@gt.example.org", "GT", "Unit.GT");
        var a = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 10).Build();
        var b = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 20).Build();
        var c = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 30).Build();
        var ids = new[] { a, b, c }.Select(s => Convert.ToHexStringLower(SHA256.HashData(s))).ToList();

        var answers = await Task.WhenAll(UploadAsync(ana, a), UploadAsync(luis, b), UploadAsync(ana, c), UploadAsync(luis, a));

        Assert.All(answers, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode);
            Assert.Equal("submitted", r.Body.GetProperty("state").GetString());
        });
        Assert.Equal([ids[0], ids[1], ids[2], ids[0]], answers.Select(r => r.Body.GetProperty("submissionId").GetString()));
        // Every sheet said to be sent is stored (the first twice over is one blob) and gets its verdict.
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in Container(l => l.Uploads).GetBlobsAsync())
        {
            var content = (await Container(l => l.Uploads).GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            stored[Convert.ToHexStringLower(SHA256.HashData(content))] = blob.Name;
        }
        Assert.Equal(ids.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, stored.Values.Distinct(StringComparer.Ordinal).Count());
        foreach (var id in ids)
        {
            var entry = await _portal.OutcomeAsync("GT", "2021-Q3", id);
            Assert.Contains(entry.StatusValue, new[] { SubmissionStatus.Current, SubmissionStatus.Superseded });
        }
    }

    [Fact]
    public async Task A_name_already_holding_other_content_is_refused_with_a_clear_message_never_reported_sent()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var sheet = FilledSheet.Complete("GT", "2021-Q3").Build();
        var other = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 20).Build();
        // A writer with storage access put other bytes under the very name this sheet would be stored under.
        var name = UploadNames.For("informe GT 2021-Q3.xlsx", PortalHost.Now, Convert.ToHexStringLower(SHA256.HashData(sheet)));
        await Container(l => l.Uploads).CreateIfNotExistsAsync();
        await Container(l => l.Uploads).GetBlobClient($"GT/2021-Q3/{name}").UploadAsync(new BinaryData(other));

        var (response, body) = await UploadAsync(gt, sheet);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("UPLOAD_NAME_TAKEN", body.GetProperty("code").GetString());
        Assert.Contains("no se envió", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(other, (await Container(l => l.Uploads).GetBlobClient($"GT/2021-Q3/{name}").DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_sender_is_shown_as_signed_in_only_when_the_portal_recorded_it_otherwise_as_declared_by_the_file_s_writer()
    {
        using var ana = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var (_, sent) = await UploadAsync(ana, FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 10).Build());
        await _portal.OutcomeAsync("GT", "2021-Q3", sent.GetProperty("submissionId").GetString()!);
        // Written straight to storage, claiming to be Ana.
        var forged = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 20).Build();
        var blob = Container(l => l.Uploads).GetBlobClient("GT/2021-Q3/informe-directo.xlsx");
        await blob.UploadAsync(new BinaryData(forged), new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["uploader"] = "ana%40gt.example.org" },
        });
        await _portal.OutcomeAsync("GT", "2021-Q3", Convert.ToHexStringLower(SHA256.HashData(forged)));

        var history = PortalPages.History(PortalPages.Parse(await ana.Client.GetStringAsync("units/GT/2021-Q3?lang=es")));
        var english = PortalPages.History(PortalPages.Parse(await ana.Client.GetStringAsync("units/GT/2021-Q3?lang=en")),
            "Every file received for this quarter, newest first");

        Assert.Equal(2, history.Count);
        Assert.Equal("ana@gt.example.org (declarado por quien escribió el archivo, no registrado por el portal)", history.Single(h => h.File == "informe-directo.xlsx").SentBy);
        Assert.Equal("ana@gt.example.org", history.Single(h => h.File != "informe-directo.xlsx").SentBy);
        Assert.Equal("ana@gt.example.org (declared by the file's writer, not recorded by the portal)", english.Single(h => h.File == "informe-directo.xlsx").SentBy);
    }

    [Fact]
    public async Task The_same_content_again_is_said_to_be_the_current_report()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var sheet = FilledSheet.Complete("GT", "2021-Q3").Build();
        var result = await _portal.SubmitAsync("GT", "2021-Q3", sheet);

        var (response, body) = await UploadAsync(gt, sheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("same", body.GetProperty("state").GetString());
        Assert.Equal(result.RowKey, body.GetProperty("submissionId").GetString());
        var verdict = PortalPages.Parse(body.GetProperty("verdictHtml").GetString()!);
        Assert.Equal("Es igual a su informe vigente: no cambió nada.", PortalPages.Text(verdict.QuerySelector("[data-state-message]")));
    }

    [Fact]
    public async Task A_rejected_sheet_s_original_is_archived_with_its_uploader_as_the_trigger_archives_a_rejected_upload()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var content = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Build();

        var (response, _) = await UploadAsync(gt, content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(await Container(l => l.Uploads).ExistsAsync());
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var archived = Container(l => l.Archive).GetBlobClient(ArchiveStore.BlobName(new UploadPath("GT", new ReportingPeriod(2021, 3), "x.xlsx"), sha));
        var properties = (await archived.GetPropertiesAsync()).Value;
        Assert.Equal("ana%40gt.example.org", properties.Metadata["uploader"]);
        Assert.Equal(content, (await archived.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_rejected_sheet_names_the_cell_stays_out_of_uploads_and_its_annotated_copy_can_be_downloaded()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var sheet = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150);
        var cell = sheet.Cell("1.1.1.2", TemplateLayout.EjecutadoColumn);

        var (response, body) = await UploadAsync(gt, sheet.Build());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(body.GetProperty("report").GetProperty("errors").EnumerateArray());
        Assert.Equal("EJECUTADO_OUT_OF_RANGE", error.GetProperty("code").GetString());
        Assert.Equal(cell, error.GetProperty("cell").GetString());
        Assert.Equal("1.1.1.2", error.GetProperty("activity").GetString());
        var verdict = PortalPages.Parse(body.GetProperty("verdictHtml").GetString()!);
        Assert.Contains($"celda {cell}", PortalPages.Text(verdict.QuerySelector(".error-summary a[href='#issue-1']")), StringComparison.Ordinal);
        Assert.Equal(cell, PortalPages.Text(verdict.QuerySelectorAll("#issue-1 td")[2]));
        Assert.False(await Container(l => l.Uploads).ExistsAsync());

        using var annotated = await gt.Client.GetAsync(body.GetProperty("annotatedUrl").GetString()!.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, annotated.StatusCode);
        using var copy = new XLWorkbook(new MemoryStream(await annotated.Content.ReadAsByteArrayAsync()));
        // The copy marks the cell with the error fill and lists it on its first sheet (AnnotatedCopyWriter).
        Assert.Equal(XLColor.FromHtml("#F8CBAD"), copy.Worksheet(sheet.ReportSheetName).Cell(cell).Style.Fill.BackgroundColor);
        Assert.Contains(copy.Worksheets.First().CellsUsed(), c => c.GetString() == cell);

        var page = await gt.Client.GetStringAsync("units/GT/2021-Q3");
        Assert.Contains("Archivos rechazados en el portal", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sheets_the_portal_refused_are_dated_by_the_app_s_clock_not_the_machine_s()
    {
        // The host's clock is 20 October 2021; Azurite stamps its blobs with the machine's.
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());

        var page = PortalPages.Parse(await gt.Client.GetStringAsync("units/GT/2021-Q3?lang=es"));

        var item = Assert.Single(page.QuerySelectorAll("table[data-refused] tbody tr"));
        // 12:00 UTC on the app's clock, shown on GT's.
        Assert.Equal("20 de octubre de 2021, 06:00 (hora de Guatemala, UTC\u22126)", PortalPages.Text(item.QuerySelector("td")));
    }

    [Fact]
    public async Task A_form_post_without_script_gets_the_page_with_an_error_summary_linking_to_each_problem()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var sheet = FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", 150).Ejecutado("1.1.1.3", -4);

        using var request = new HttpRequestMessage(HttpMethod.Post, "units/GT/2021-Q3/upload") { Content = PortalHost.Form(gt.Token, sheet.Build()) };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await gt.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = PortalPages.Parse(html);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal(["#issue-1", "#issue-2"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.GetElementById("issue-1"));
        Assert.NotNull(page.GetElementById("issue-2"));
    }

    [Fact]
    public async Task A_body_declared_over_the_cap_is_refused_with_413_before_it_is_read()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var declared = 11L * 1024 * 1024;

        using var request = new HttpRequestMessage(HttpMethod.Post, "units/GT/2021-Q3/upload") { Content = new EndlessContent(declared) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await gt.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("FILE_TOO_LARGE", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_file_part_over_the_cap_without_a_declared_length_is_read_no_further_than_the_cap()
    {
        await using var small = await PortalHost.StartAsync(azurite, blobEvents: false, new Dictionary<string, string?> { ["Ingestion:MaxUploadBytes"] = "65536" });
        using var gt = await small.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        var form = PortalHost.Form(gt.Token, new byte[200_000]);
        var content = new StreamContent(await form.ReadAsStreamAsync());
        content.Headers.ContentType = form.Headers.ContentType;

        using var request = new HttpRequestMessage(HttpMethod.Post, "units/GT/2021-Q3/upload") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await gt.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_form_token_or_from_another_site_is_refused()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        using var ni = await _portal.SessionAsync("luis@ni.example.org", "NI", "Unit.NI", "Unit.GT");
        var sheet = FilledSheet.Complete("GT", "2021-Q3").Build();

        var (noToken, _) = await UploadAsync(gt, sheet, token: "");
        var (crossSite, _) = await UploadAsync(gt, sheet, adjust: r => { r.Headers.Remove("Sec-Fetch-Site"); r.Headers.Add("Sec-Fetch-Site", "cross-site"); });
        var (otherOrigin, _) = await UploadAsync(gt, sheet, adjust: r => { r.Headers.Remove("Origin"); r.Headers.Add("Origin", "https://evil.example"); });
        var (someoneElsesToken, _) = await UploadAsync(gt, sheet, token: ni.Token);

        Assert.All([noToken, crossSite, otherOrigin, someoneElsesToken], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.False(await Container(l => l.Uploads).ExistsAsync());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var gt = _portal.As("ana@gt.example.org", "Unit.GT");

        foreach (var path in new[] { "", "units/GT", "units/GT/2021-Q3", "units/HN/2021-Q3", "coalition/2021-Q3", "assets/portal.css", "nowhere", "api/workbook?period=2021-Q3" })
        {
            using var response = await gt.GetAsync(path);
            var csp = response.Headers.TryGetValues("Content-Security-Policy", out var v) ? string.Join(";", v) : "";
            if (response.StatusCode == HttpStatusCode.NotFound && path == "nowhere") continue; // no route: no function ran
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    /// <summary>Declares a length and would stream zeros: the server must answer without reading it.</summary>
    private sealed class EndlessContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent < length; sent += chunk.Length) await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long value)
        {
            value = length;
            Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data") { Parameters = { new NameValueHeaderValue("boundary", "x") } };
            return true;
        }
    }
}
