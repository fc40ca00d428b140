using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Tests.Integration.Locks;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.OpenData;

/// <summary>
/// The portal's zip of the package (<c>/coalition/data/package.zip</c>) through the real Kestrel server, which refuses
/// synchronous I/O: the zip holds exactly the files <c>export</c> writes for the same scope, format and instant, every
/// file keeps its <c>datapackage.json</c>; readers only; one of the build slots; a clear answer for a wrong query.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Collection(AzuriteCollection.Name)]
public sealed class OpenDataZipTests(AzuriteFixture azurite)
    : LockScenario(azurite, new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = azurite;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("open-data-zip");
    private PortalHost _portal = null!;

    public async Task InitializeAsync()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        Clock.SetUtcNow(Nov(30));
        _portal = await PortalHost.StartAsync(_azurite, blobEvents: false, storage: Storage, time: Clock,
            extra: new Dictionary<string, string?> { ["Reports:LockGraceDays"] = Grace });
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    private HttpClient Reader() => _portal.As("analista@coalicion.example.org", "Coalition.Reader");

    /// <summary>The package <c>export</c> writes for the scope and format at the test's instant, in a folder.</summary>
    private async Task<string> ExportedAsync(DatasetScope scope, DatasetFormat format)
    {
        var dir = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N"));
        var target = new DirectoryPackageTarget(dir);
        Assert.NotNull(await Host.Get<OpenDataExporter>().WritePackageAsync(target, scope, format, asOf: null, default));
        target.Commit();
        return dir;
    }

    [Theory]
    [InlineData("?period=2021-Q3&format=csv", "2021-Q3", "csv")]
    [InlineData("?format=parquet", "all", "parquet")]
    [InlineData("?period=all", "all", "csv")]
    public async Task The_zip_holds_the_files_export_writes_for_the_same_scope_format_and_instant(string query, string scope, string format)
    {
        using var reader = Reader();
        var response = await reader.GetAsync("coalition/data/package.zip" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"datos-{scope}-{format}.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var unzipped = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N"));
        await using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
            zip.ExtractToDirectory(unzipped);

        DatasetFormats.TryParse(format, out var parsed);
        var exported = await ExportedAsync(scope == "all" ? DatasetScope.All : DatasetScope.Of(Q3), parsed);
        var names = Directory.GetFiles(exported).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(unzipped).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(exported, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(unzipped, name!))), name);
        var tables = await DataPackageCheck.ReadAsync(unzipped);
        Assert.Empty(DataPackageCheck.Problems(tables));
        Assert.Equal(["GT", "HN"], tables["progress"].Records.Where(r => r["submission_id"] is not null && r["period"] == Q3.ToString())
            .Select(r => r["unit_code"]!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_coalition_readers_get_the_zip_and_a_wrong_query_is_told_what_to_write()
    {
        // Not signed in: to the sign-in, as every portal page.
        using var anonymous = _portal.Server.CreateClient();
        Assert.Equal(HttpStatusCode.Found, (await anonymous.GetAsync("coalition/data/package.zip")).StatusCode);
        using var focalPoint = _portal.As("punto@gt.example.org", "Unit.GT");
        Assert.Equal(HttpStatusCode.Forbidden, (await focalPoint.GetAsync("coalition/data/package.zip")).StatusCode);

        using var reader = Reader();
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("coalition/data/package.zip?period=2021-3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("coalition/data/package.zip?format=json")).StatusCode);
        // A quarter of the plan with no accepted sheet: nothing to download.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("coalition/data/package.zip?period=2021-Q2")).StatusCode);
    }

    [Fact]
    public async Task The_zip_takes_a_build_slot_and_is_refused_with_429_when_none_is_free()
    {
        var builds = _portal.Server.Services.GetRequiredService<WorkbookBuilds>();
        var held = Enumerable.Range(0, builds.Limit).Select(_ => builds.TrySlot()).ToList();
        using var reader = Reader();

        var refused = await reader.GetAsync("coalition/data/package.zip");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(WorkbookBuilds.RetryAfter, refused.Headers.RetryAfter?.Delta);

        foreach (var slot in held) slot!.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("coalition/data/package.zip")).StatusCode);
        for (var wait = 0; wait < 250 && builds.Running > 0; wait++) await Task.Delay(20);
        Assert.Equal(0, builds.Running);
    }
}
