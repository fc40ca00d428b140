using System.Net;
using ClosedXML.Excel;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// <c>GET /coalition/{period}/workbook</c>: generated once per set of current submissions, then served from blob
/// storage (by a redirect to a read-only link of the stored copy, as deployed, or streamed through the app); an
/// accepted upload moves a pointer, and the next download regenerates it.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class WorkbookCacheTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, blobEvents: false);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_second_download_comes_from_storage_and_an_accepted_upload_makes_the_next_one_regenerate()
    {
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        using var reader = _portal.As("analista@coalicion.example.org", "Coalition.Reader");

        var first = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");
        var second = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal("consolidado-2021-Q3.xlsx", first.FileName);
        Assert.Equal("generated", first.Source);
        Assert.Equal("cache", second.Source);
        Assert.Equal(first.Link!.AbsolutePath, second.Link!.AbsolutePath);
        Assert.Equal(first.Bytes, second.Bytes);
        var stored = new List<string>();
        await foreach (var blob in _portal.Storage.Blobs.GetBlobContainerClient(_portal.Storage.Layout.Workbooks).GetBlobsAsync()) stored.Add(blob.Name);
        Assert.StartsWith("2021-Q3/", Assert.Single(stored), StringComparison.Ordinal);

        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Build());
        var third = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");
        var fourth = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");

        Assert.Equal("generated", third.Source);
        Assert.Equal("cache", fourth.Source);
        Assert.NotEqual(first.Link.AbsolutePath, third.Link!.AbsolutePath);
        Assert.Equal(["GT", "HN"], UnitsWithSubmissions(third.Bytes));
    }

    [Fact]
    public async Task Streamed_through_the_app_the_cache_holds_the_same()
    {
        await using var streaming = await PortalHost.StartAsync(azurite, blobEvents: false, storage: _portal.Storage,
            extra: new Dictionary<string, string?> { ["Portal:WorkbookRedirect"] = "false" });
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        using var reader = streaming.As("analista@coalicion.example.org", "Coalition.Reader");

        var first = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");
        var second = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");
        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Build());
        var third = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.Link);
        Assert.Equal("consolidado-2021-Q3.xlsx", first.FileName);
        Assert.Equal(("generated", "cache", "generated"), (first.Source, second.Source, third.Source));
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(["GT", "HN"], UnitsWithSubmissions(third.Bytes));
    }

    [Fact]
    public async Task A_rejected_upload_changes_no_pointer_and_the_stored_workbook_is_still_served()
    {
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        using var reader = _portal.As("analista@coalicion.example.org", "Coalition.Reader");
        var first = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");

        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());
        var second = await PortalHost.DownloadWorkbookAsync(reader, "coalition/2021-Q3/workbook");

        Assert.Equal("generated", first.Source);
        Assert.Equal("cache", second.Source);
    }

    [Fact]
    public async Task A_quarter_without_accepted_sheets_has_no_workbook()
    {
        using var reader = _portal.As("analista@coalicion.example.org", "Coalition.Reader");
        using var request = new HttpRequestMessage(HttpMethod.Get, "coalition/2021-Q2/workbook");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Headers.Location);
    }

    /// <summary>The units with a submission in <i>Datos</i> (a unit without an accepted sheet has rows too, without a submission id: column 15).</summary>
    private static List<string> UnitsWithSubmissions(byte[] bytes)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        return workbook.Worksheet("Datos").RowsUsed().Skip(1).Where(r => !r.Cell(15).IsEmpty()).Select(r => r.Cell(4).GetString()).Distinct().Order().ToList();
    }
}
