using System.Net;
using ClosedXML.Excel;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// <c>GET /coalition/{period}/workbook</c>: generated once per set of current submissions, then served from blob
/// storage; an accepted upload moves a pointer, and the next download regenerates it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkbookCacheTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, blobEvents: false);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static string Source(HttpResponseMessage response) => response.Headers.GetValues("X-Workbook-Source").Single();

    [Fact]
    public async Task The_second_download_comes_from_storage_and_an_accepted_upload_makes_the_next_one_regenerate()
    {
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        using var reader = _portal.As("analista@coalicion.example.org", "Coalition.Reader");

        using var first = await reader.GetAsync("coalition/2021-Q3/workbook");
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        using var second = await reader.GetAsync("coalition/2021-Q3/workbook");
        var secondBytes = await second.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("consolidado-2021-Q3.xlsx", first.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("generated", Source(first));
        Assert.Equal("cache", Source(second));
        Assert.Equal(firstBytes, secondBytes);
        var stored = new List<string>();
        await foreach (var blob in _portal.Storage.Blobs.GetBlobContainerClient(_portal.Storage.Layout.Workbooks).GetBlobsAsync()) stored.Add(blob.Name);
        Assert.StartsWith("2021-Q3/", Assert.Single(stored), StringComparison.Ordinal);

        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Build());
        using var third = await reader.GetAsync("coalition/2021-Q3/workbook");
        using var fourth = await reader.GetAsync("coalition/2021-Q3/workbook");

        Assert.Equal("generated", Source(third));
        Assert.Equal("cache", Source(fourth));
        using var workbook = new XLWorkbook(new MemoryStream(await third.Content.ReadAsByteArrayAsync()));
        // A unit without an accepted sheet has rows too, without a submission id (column 15).
        var units = workbook.Worksheet("Datos").RowsUsed().Skip(1).Where(r => !r.Cell(15).IsEmpty()).Select(r => r.Cell(4).GetString()).Distinct().Order().ToList();
        Assert.Equal(["GT", "HN"], units);
    }

    [Fact]
    public async Task A_rejected_upload_changes_no_pointer_and_the_stored_workbook_is_still_served()
    {
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        using var reader = _portal.As("analista@coalicion.example.org", "Coalition.Reader");
        using var first = await reader.GetAsync("coalition/2021-Q3/workbook");

        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());
        using var second = await reader.GetAsync("coalition/2021-Q3/workbook");

        Assert.Equal("generated", Source(first));
        Assert.Equal("cache", Source(second));
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
    }
}
