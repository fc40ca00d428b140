using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Tests.Integration.Locks;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// The portal's download with a date, <c>GET /coalition/{period}/workbook?asOf=INSTANT</c>: three versions of GT's
/// sheet arrive at known times; the download at an instant between them is the workbook <c>workbook --as-of</c> writes
/// (the same Core service), not the current one; bad and future instants, and an instant before anything was
/// accepted, are answered in the reader's language; a focal point is refused. The as-of form in front of it (issue 22)
/// reads a date on the coalition's clock and redirects to that download, or answers its problems on itself.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalAsOfWorkbookTests(AzuriteFixture azurite)
    : LockScenario(azurite, new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = azurite;
    private PortalHost _portal = null!;

    /// <summary>GT: 10 on 10 October, 20 on 20 October, 30 on 25 October (1.1.1.2); HN once, on 11 October.</summary>
    public async Task InitializeAsync()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        await IngestAtAsync(Oct(20, 9), "informe-v2.xlsx", Sheet(20));
        await IngestAtAsync(Oct(25, 9), "informe-v3.xlsx", Sheet(30));
        Clock.SetUtcNow(Nov(30));
        _portal = await PortalHost.StartAsync(_azurite, blobEvents: false, storage: Storage, time: Clock,
            extra: new Dictionary<string, string?> { ["Reports:LockGraceDays"] = Grace });
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private HttpClient Reader() => _portal.As("analista@coalicion.example.org", "Coalition.Reader");

    private async Task<XLWorkbook> CoreAsOfAsync(DateTimeOffset? asOf)
    {
        var stream = new MemoryStream();
        Assert.NotNull(await Host.Get<MergedWorkbookService>().WriteAsync(Q3, stream, default, asOf));
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static double? GtEjecutado(XLWorkbook workbook) =>
        DatosOracle.Read(workbook).Single(r => r.Period == "2021-Q3" && r.Unit == "GT" && r.Activity == "1.1.1.2").Ejecutado;

    [Theory]
    [InlineData("2021-10-15T00:00Z", 10)]
    [InlineData("2021-10-22T12:30Z", 20)]
    [InlineData("2021-10-22T12:30", 20)]    // as the form's date-and-time field sends it: read as UTC
    public async Task The_download_at_an_instant_is_the_record_as_of_then_as_the_cli_writes_it(string instant, double expected)
    {
        using var reader = Reader();
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

        var download = await PortalHost.DownloadWorkbookAsync(reader, $"coalition/2021-Q3/workbook?asOf={Uri.EscapeDataString(instant)}");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("as-of", download.Source);
        Assert.Equal(MergedWorkbookService.FileName(Q3, at), download.FileName);
        Assert.StartsWith("consolidado-2021-Q3-al-202110", download.FileName, StringComparison.Ordinal);
        using var portal = new XLWorkbook(new MemoryStream(download.Bytes));
        using var core = await CoreAsOfAsync(at);
        using var current = await CoreAsOfAsync(null);
        Assert.Equal(expected, GtEjecutado(portal));
        Assert.Equal(DatosOracle.Read(core), DatosOracle.Read(portal));
        Assert.Equal(Texts(core.Worksheet("Resumen")), Texts(portal.Worksheet("Resumen")));
        Assert.Equal(30, GtEjecutado(current));
        Assert.NotEqual(DatosOracle.Read(current), DatosOracle.Read(portal));
    }

    [Fact]
    public async Task An_as_of_download_is_kept_apart_and_leaves_the_current_workbook_cache_alone()
    {
        using var reader = Reader();

        await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook?asOf=2021-10-15T00:00Z");
        var current = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");

        Assert.Equal("generated", current.Source);
        using var workbook = new XLWorkbook(new MemoryStream(current.Bytes));
        Assert.Equal(30, GtEjecutado(workbook));
        var stored = new List<string>();
        await foreach (var blob in Storage.Blobs.GetBlobContainerClient(Storage.Layout.Workbooks).GetBlobsAsync()) stored.Add(blob.Name);
        Assert.Equal(2, stored.Count);
        Assert.Single(stored, n => n.StartsWith("2021-Q3/as-of-20211015T000000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ayer", "INVALID_AS_OF", "'ayer' no es un instante ISO 8601 (p. ej. 2021-11-15T00:00Z).")]
    [InlineData("", "INVALID_AS_OF", "'' no es un instante ISO 8601 (p. ej. 2021-11-15T00:00Z).")]
    [InlineData("2021-12-01T00:00Z", "INVALID_AS_OF", "2021-12-01T00:00:00Z está en el futuro: la situación a un instante existe cuando ese instante ha pasado.")]
    public async Task A_bad_or_future_instant_is_a_problem_in_the_readers_language(string instant, string code, string detail)
    {
        using var reader = Reader();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"coalition/2021-Q3/workbook?asOf={Uri.EscapeDataString(instant)}");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_browser_gets_a_readable_page_in_english_when_asked()
    {
        using var reader = Reader();

        using var future = await reader.GetAsync("coalition/2021-Q3/workbook?lang=en&asOf=2030-01-01T00:00Z");
        using var before = await reader.GetAsync("coalition/2021-Q3/workbook?lang=en&asOf=2021-10-01T00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("text/html", future.Content.Headers.ContentType!.MediaType);
        Assert.Contains("2030-01-01T00:00:00Z is in the future: the record as of an instant exists once it has passed.",
            System.Net.WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("No accepted submissions for 2021-Q3 as of 2021-10-01T00:00:00Z",
            System.Net.WebUtility.HtmlDecode(await before.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_is_refused_the_dated_download()
    {
        using var focal = _portal.As("ana@gt.example.org", "Unit.GT");

        using var response = await focal.GetAsync("coalition/2021-Q3/workbook?asOf=2021-10-15T00:00Z");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task The_coalition_pages_lead_to_the_as_of_form_asking_day_month_and_year_on_the_coalition_s_clock()
    {
        using var reader = Reader();

        var board = PortalPages.Parse(await reader.GetStringAsync("coalition/2021-Q3"));
        Assert.Null(board.QuerySelector("input[type=datetime-local]"));
        var link = board.QuerySelector("nav a[href='/coalition/2021-Q3/as-of']") ?? throw new Xunit.Sdk.XunitException("No link to the as-of form.");
        Assert.Equal("Libro consolidado de una fecha pasada", link.TextContent);

        using var response = await reader.GetAsync("coalition/2021-Q3/as-of");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalPages.Parse(await response.Content.ReadAsStringAsync());
        var form = page.QuerySelector("form[data-as-of]") ?? throw new Xunit.Sdk.XunitException("No as-of form.");
        Assert.Equal(("get", "/coalition/2021-Q3/as-of"), (form.GetAttribute("method"), form.GetAttribute("action")));
        foreach (var (id, name, label) in new[] { ("asof-day", "day", "Día"), ("asof-month", "month", "Mes"), ("asof-year", "year", "Año"), ("asof-hour", "hour", "Hora"), ("asof-minute", "minute", "Minutos") })
        {
            var input = form.QuerySelector($"input#{id}") ?? throw new Xunit.Sdk.XunitException($"No field {id}.");
            Assert.Equal(("text", "numeric", name, ""), (input.GetAttribute("type"), input.GetAttribute("inputmode"), input.GetAttribute("name"), input.GetAttribute("value")));
            Assert.Equal(label, form.QuerySelector($"label[for={id}]")!.TextContent);
        }
        Assert.Equal(2, form.QuerySelectorAll("fieldset[role=group]").Length);
        Assert.Contains("hora de Guatemala, UTC−6", form.TextContent, StringComparison.Ordinal);
        // GT's first sheet arrived just after 09:00:00 UTC (its write's stamp): the first whole minute that includes it is 03:01 in Guatemala.
        Assert.Equal("El libro de este trimestre empieza el 10 de octubre de 2021, 03:01 (hora de Guatemala, UTC−6), cuando se aceptó su primer informe.",
            page.QuerySelector("[data-record-start]")!.TextContent);
    }

    [Theory]
    [InlineData("day=15&month=10&year=2021", "2021-10-16T06:00:00Z", 10)]   // no time: the end of 15 October in Guatemala
    [InlineData("day=22&month=10&year=2021&hour=6&minute=30", "2021-10-22T12:30:00Z", 20)]
    [InlineData("day=10&month=10&year=2021&hour=3&minute=1", "2021-10-10T09:01:00Z", 10)]   // the first minute of the record
    public async Task The_form_sends_the_instant_it_reads_to_the_download_scripts_use(string query, string instant, double expected)
    {
        using var reader = Reader();

        using var response = await reader.GetAsync($"coalition/2021-Q3/as-of?{query}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/coalition/2021-Q3/workbook?asOf={Uri.EscapeDataString(instant)}", location);
        var download = await PortalHost.DownloadWorkbookAsync(reader, location.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, download.Status);
        using var portal = new XLWorkbook(new MemoryStream(download.Bytes));
        using var core = await CoreAsOfAsync(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, GtEjecutado(portal));
        Assert.Equal(DatosOracle.Read(core), DatosOracle.Read(portal));
    }

    [Theory]
    [InlineData("day=10&month=10&year=2021&hour=3&minute=0", "asof-day", "El libro consolidado de este trimestre empieza el 10 de octubre de 2021, 03:01 (hora de Guatemala, UTC−6), cuando se aceptó su primer informe: escriba esa fecha y hora o una posterior.")]
    [InlineData("day=1&month=12&year=2021&hour=&minute=", "asof-day", "El 1 de diciembre de 2021 todavía no ha llegado: escriba una fecha pasada o la de hoy; ahora es el 29 de noviembre de 2021, 18:00 (hora de Guatemala, UTC−6).")]
    [InlineData("day=31&month=2&year=2021&hour=&minute=", "asof-day", "El día 31 no existe en febrero de 2021, que tiene 28 días: escriba una fecha real, p. ej. 28 2 2021.")]
    [InlineData("day=15&month=&year=2021&hour=&minute=", "asof-month", "La fecha debe incluir el mes: escríbalo en números, p. ej. 15 11 2021.")]
    [InlineData("day=15&month=10&year=2021&hour=&minute=30", "asof-hour", "Escriba también la hora (de 0 a 23), o deje vacíos la hora y los minutos.")]
    public async Task The_form_answers_its_problems_on_itself_with_the_values_typed(string query, string field, string message)
    {
        using var reader = Reader();

        using var response = await reader.GetAsync($"coalition/2021-Q3/as-of?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = PortalPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Error: Libro consolidado de una fecha pasada", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector("main")!.FirstElementChild!;
        Assert.Equal("error-summary", summary.ClassName);
        var link = Assert.Single(summary.QuerySelectorAll("a"));
        Assert.Equal(($"#{field}", message), (link.GetAttribute("href"), link.TextContent));
        var input = page.QuerySelector($"#{field}")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(message, input.Closest("fieldset")!.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
        foreach (var pair in query.Split('&').Select(p => p.Split('=')))
            Assert.Equal(pair[1], page.QuerySelector($"input[name={pair[0]}]")!.GetAttribute("value"));
    }

    private static List<string> Texts(IXLWorksheet sheet) => sheet.CellsUsed().Select(c => c.GetString()).ToList();
}
