using System.Net;
using Azure.Storage.Blobs;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Tests.Integration.Locks;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// Workbook builds through the real Kestrel: one build per workbook while concurrent requests wait for it (single
/// flight), at most <c>Portal__MaxWorkbookBuilds</c> at a time (one more: 429 with Retry-After and a page in the
/// reader's language), an as-of workbook of a settled instant kept and served like the cached one, and a digest
/// preview that builds nothing. Builds are held at their write to storage (<see cref="HeldWorkbookWrites"/>) so the
/// concurrent requests arrive while one runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class WorkbookBuildsTests(AzuriteFixture azurite)
    : LockScenario(azurite, new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    private const string Current = "coalition/2021-Q3/workbook";
    private const string AsOf = "coalition/2021-Q3/workbook?asOf=2021-10-15T00:00Z";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly AzuriteFixture _azurite = azurite;
    private HeldWorkbookWrites _held = null!;
    private PortalHost? _portal;

    public async Task InitializeAsync()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        await IngestAtAsync(Oct(20, 9), "informe-v2.xlsx", Sheet(20));
        Clock.SetUtcNow(Nov(30));
    }

    public async Task DisposeAsync()
    {
        _held?.Release();
        if (_portal is not null) await _portal.DisposeAsync();
    }

    private async Task<PortalHost> StartAsync(int maxBuilds = 2, string? maxAttachmentBytes = null)
    {
        _held = new HeldWorkbookWrites(Storage.Layout.Workbooks);
        var options = new BlobClientOptions();
        options.AddPolicy(_held, Azure.Core.HttpPipelinePosition.PerCall);
        var blobs = new BlobServiceClient(Storage.ConnectionString, options);
        var settings = new Dictionary<string, string?>
        {
            ["Reports:LockGraceDays"] = Grace,
            ["Portal:WorkbookRedirect"] = "false",
            ["Portal:MaxWorkbookBuilds"] = maxBuilds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (maxAttachmentBytes is not null) settings["Digest:MaxAttachmentBytes"] = maxAttachmentBytes;
        _portal = await PortalHost.StartAsync(_azurite, blobEvents: false, storage: Storage, time: Clock, extra: settings,
            configure: services => services.Replace(ServiceDescriptor.Singleton(blobs)));
        return _portal;
    }

    private HttpClient Reader() => _portal!.As("analista@coalicion.example.org", "Coalition.Reader");

    private int Logged(string templateStart) =>
        _portal!.Server.Logs.Entries.Count(e => e.Template?.StartsWith(templateStart, StringComparison.Ordinal) == true);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"Waited {Patience} for {what}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Concurrent_requests_for_a_workbook_not_stored_yet_wait_for_one_build()
    {
        await StartAsync(maxBuilds: 2);
        using var reader = Reader();
        _held.Hold();

        var downloads = Enumerable.Range(0, 5).Select(_ => PortalHost.DownloadWorkbookAsync(reader, Current)).ToList();
        await _held.FirstWrite.WaitAsync(Patience);
        await WaitUntilAsync(() => Logged("Workbook {Blob} is being built by another request") == 4, "the four other requests to wait for the build");
        _held.Release();
        var done = await Task.WhenAll(downloads);

        Assert.All(done, d => Assert.Equal(HttpStatusCode.OK, d.Status));
        Assert.All(done, d => Assert.Equal(done[0].Bytes, d.Bytes));
        Assert.Equal(1, _held.Writes);
        Assert.Equal(1, Logged("Merged workbook for {Period} generated"));
    }

    [Fact]
    public async Task One_build_more_than_the_limit_is_answered_429_with_Retry_After_and_a_readable_page()
    {
        await StartAsync(maxBuilds: 1);
        using var reader = Reader();
        _held.Hold();

        var first = PortalHost.DownloadWorkbookAsync(reader, Current);
        await _held.FirstWrite.WaitAsync(Patience);
        using var es = await reader.GetAsync(AsOf);
        using var en = await reader.GetAsync(AsOf + "&lang=en");
        _held.Release();

        Assert.Equal(HttpStatusCode.OK, (await first).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, es.StatusCode);
        Assert.Equal(WorkbookBuilds.RetryAfter, es.Headers.RetryAfter!.Delta);
        Assert.Equal("text/html", es.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Vuelva a intentarlo en 30 segundos.", WebUtility.HtmlDecode(await es.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, en.StatusCode);
        Assert.Contains("Try again in 30 seconds.", WebUtility.HtmlDecode(await en.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // Once the build is done, the same request is served.
        Assert.Equal(HttpStatusCode.OK, (await PortalHost.DownloadWorkbookAsync(reader, AsOf)).Status);
    }

    [Fact]
    public async Task An_as_of_workbook_of_a_settled_instant_is_kept_and_a_second_request_does_not_rebuild_it()
    {
        await StartAsync();
        using var reader = Reader();

        var first = await PortalHost.DownloadWorkbookAsync(reader, AsOf);
        var second = await PortalHost.DownloadWorkbookAsync(reader, AsOf);

        Assert.Equal(("as-of", "as-of-cache"), (first.Source, second.Source));
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(1, Logged("Merged workbook for {Period} as of {AsOf} generated"));
        Assert.Equal(1, _held.Writes);
        Assert.True(await Storage.Blobs.GetBlobContainerClient(Storage.Layout.Workbooks)
            .GetBlobClient(_portal!.Server.Services.GetRequiredService<AsOfWorkbooks>().BlobName(Q3, Oct(15))).ExistsAsync());
        // The kept copy is the record as of that instant, as workbook --as-of writes it.
        using var kept = new XLWorkbook(new MemoryStream(second.Bytes));
        var cli = new MemoryStream();
        await Host.Get<MergedWorkbookService>().WriteAsync(Q3, cli, default, Oct(15));
        cli.Position = 0;
        using var expected = new XLWorkbook(cli);
        Assert.Equal(DatosOracle.Read(expected), DatosOracle.Read(kept));
    }

    [Fact]
    public async Task An_as_of_workbook_of_an_instant_not_yet_settled_is_built_for_each_request_and_not_kept()
    {
        await StartAsync();
        using var reader = Reader();
        var recent = "coalition/2021-Q3/workbook?asOf=" + Uri.EscapeDataString("2021-11-29T23:58Z");

        var first = await PortalHost.DownloadWorkbookAsync(reader, recent);
        var second = await PortalHost.DownloadWorkbookAsync(reader, recent);

        Assert.Equal(("as-of", "as-of"), (first.Source, second.Source));
        Assert.Equal(2, Logged("Merged workbook for {Period} as of {AsOf} generated"));
        Assert.Equal(0, _held.Writes);
    }

    [Fact]
    public async Task The_digest_preview_does_not_build_the_workbook()
    {
        // A 1-byte attachment limit: a digest that built the workbook would log that it is too large to attach.
        await StartAsync(maxAttachmentBytes: "1");
        using var reader = Reader();

        using var page = await reader.GetAsync("coalition/2021-Q3/digest");
        using var mail = await reader.GetAsync("coalition/2021-Q3/digest/mail");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
        Assert.Equal(0, Logged("Workbook for {Period} is {Bytes} bytes"));
        Assert.Equal(0, Logged("Merged workbook for {Period}"));
        Assert.Equal(0, _held.Writes);
    }
}
