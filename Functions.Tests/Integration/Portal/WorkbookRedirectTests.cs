using System.Net;
using System.Web;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// <c>Portal__WorkbookRedirect</c> (on by default): the workbook download answers 302 to a read-only link of exactly
/// the stored workbook, valid minutes, that makes the browser save it under the same name; following it gives the
/// bytes the app would have streamed. Over Azurite the link is a service SAS (shared key); in Azure a user-delegation
/// SAS signs the same fields.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class WorkbookRedirectTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Path = "coalition/2021-Q3/workbook";

    private PortalHost _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalHost.StartAsync(azurite, blobEvents: false);
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        await _portal.SubmitAsync("BZ", "2021-Q3", FilledSheet.Complete("BZ", "2021-Q3").Build());
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Redirects_to_a_short_read_only_link_of_the_stored_workbook_that_saves_it_under_its_name()
    {
        using var reader = _portal.As("analista@coalicion.example.org", "Coalition.Reader");
        var before = DateTimeOffset.UtcNow;

        using var answer = await reader.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("no-store", answer.Headers.CacheControl!.ToString());
        var link = answer.Headers.Location!;
        var stored = await _portal.Server.Services.GetRequiredService<WorkbookCache>().BlobNameAsync(new(2021, 3), default);
        var blob = new BlobUriBuilder(link);
        Assert.Equal(_portal.Storage.Layout.Workbooks, blob.BlobContainerName);
        Assert.Equal(stored, blob.BlobName);
        var sas = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("r", sas["sp"]);
        Assert.Equal("b", sas["sr"]);
        var expires = DateTimeOffset.Parse(sas["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddMinutes(4), DateTimeOffset.UtcNow.Add(BlobReadLinks.Lifetime).AddSeconds(1));
        Assert.Equal(TimeSpan.FromMinutes(5), BlobReadLinks.Lifetime);
        Assert.Equal(Xlsx.ContentType, sas["rsct"]);
        Assert.StartsWith("attachment;", sas["rscd"], StringComparison.Ordinal);
        Assert.Contains("consolidado-2021-Q3.xlsx", sas["rscd"], StringComparison.Ordinal);

        using var storage = new HttpClient();
        using var file = await storage.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("consolidado-2021-Q3.xlsx", file.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(Xlsx.ContentType, file.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Following_the_link_gives_the_bytes_the_app_streams()
    {
        await using var streaming = await PortalHost.StartAsync(azurite, blobEvents: false, storage: _portal.Storage,
            extra: new Dictionary<string, string?> { ["Portal:WorkbookRedirect"] = "false" });
        using var redirected = _portal.As("analista@coalicion.example.org", "Coalition.Reader");
        using var streamed = streaming.As("analista@coalicion.example.org", "Coalition.Reader");

        var generatedThenLinked = await PortalHost.DownloadWorkbookAsync(redirected, Path);
        var streamedFromCache = await PortalHost.DownloadWorkbookAsync(streamed, Path);

        Assert.Equal((HttpStatusCode.Redirect, "generated"), (generatedThenLinked.Status, generatedThenLinked.Source));
        Assert.Equal((HttpStatusCode.OK, "cache"), (streamedFromCache.Status, streamedFromCache.Source));
        Assert.Equal(streamedFromCache.Bytes, generatedThenLinked.Bytes);
        Assert.Equal(streamedFromCache.FileName, generatedThenLinked.FileName);
        Assert.Equal(streamedFromCache.ContentType, generatedThenLinked.ContentType);
    }

    [Fact]
    public async Task The_link_reads_that_blob_only_and_cannot_write_it()
    {
        using var reader = _portal.As("analista@coalicion.example.org", "Coalition.Reader");
        using var answer = await reader.GetAsync(Path);
        var link = answer.Headers.Location!;
        var other = new UriBuilder(link) { Path = link.AbsolutePath.Replace(".xlsx", "-other.xlsx", StringComparison.Ordinal) }.Uri;
        var original = await new BlobClient(link).DownloadContentAsync();

        using var storage = new HttpClient();
        using var elsewhere = await storage.GetAsync(other);
        var overwrite = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => new BlobClient(link).UploadAsync(new BinaryData([1, 2, 3]), overwrite: true));

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(403, overwrite.Status);
        Assert.Equal(original.Value.Content.ToArray(), (await new BlobClient(link).DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_focal_point_is_refused_and_gets_no_link()
    {
        using var focal = _portal.As("ana@gt.example.org", "Unit.GT");

        using var answer = await focal.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sig=", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_portal.Storage.Layout.Workbooks, body, StringComparison.Ordinal);
    }
}
