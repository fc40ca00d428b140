using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// The merged workbook of a period, generated once per set of current submissions and then served from blob storage
/// (<c>workbooks/{period}/{key}.xlsx</c>). The workbook holds every quarter of the plan up to the period (its
/// <c>Datos</c> sheet), so the key digests the current pointers of all those quarters, the plan in force for the period
/// (id and content), the units' membership and the code that writes it: an accepted upload moves a pointer, which
/// makes a new key, so the next download regenerates it. One build per key on an instance: concurrent requests for a
/// workbook not stored yet wait for the one build (<see cref="WorkbookBuilds"/>, which also bounds builds at a time);
/// generators racing on other instances write the same content, the first write wins and the others are dropped.
/// </summary>
public sealed class WorkbookCache(
    BlobServiceClient blobs,
    StorageLayout layout,
    SubmissionStore submissions,
    MergedWorkbookService workbooks,
    PlanRegistry plans,
    ReportingUnits units,
    WorkbookBuilds builds,
    ILogger<WorkbookCache> logger)
{
    /// <summary>The writer's build: a new build may write a different workbook from the same data.</summary>
    internal static readonly string CodeVersion = typeof(MergedWorkbookWriter).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(layout.Workbooks);
    private volatile bool _created;

    /// <summary>A blob of the workbooks container (the current workbooks, and as-of workbooks kept: <see cref="AsOfWorkbooks"/>).</summary>
    internal BlobClient Blob(string name) => _container.GetBlobClient(name);

    /// <summary>Where the workbook of <paramref name="period"/> for the current submissions is (or would be) kept.</summary>
    public async Task<string> BlobNameAsync(ReportingPeriod period, CancellationToken ct)
    {
        var catalog = plans.For(period);
        var pointers = await submissions.ListPointersAsync(new ReportingPeriod(catalog.FirstYear, 1), period, ct);
        var byPeriod = pointers.GroupBy(p => p.Period, StringComparer.Ordinal)
            .Select(g => (ReportingPeriod.Parse(g.Key), (IReadOnlyList<CurrentPointerEntity>)g.ToList()));
        return $"{period}/{PointerKey.Of(byPeriod, $"{CodeVersion}|{PointerKey.Context(plans, units, period)}")}.xlsx";
    }

    /// <summary>The size of the current workbook of <paramref name="period"/> when it is stored already; null otherwise (nothing is built).</summary>
    public async Task<long?> StoredLengthAsync(ReportingPeriod period, CancellationToken ct)
    {
        try
        {
            return (await _container.GetBlobClient(await BlobNameAsync(period, ct)).GetPropertiesAsync(cancellationToken: ct)).Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The workbook to send: the stored one, or one generated now (and stored); null when the period has no accepted sheet.</summary>
    public async Task<CachedWorkbook?> OpenAsync(ReportingPeriod period, CancellationToken ct)
    {
        var name = await BlobNameAsync(period, ct);
        var blob = _container.GetBlobClient(name);
        try
        {
            var stored = await blob.DownloadStreamingAsync(cancellationToken: ct);
            return new CachedWorkbook(stored.Value.Content, stored.Value.Details.ContentLength, name, FromCache: true);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        if (!await builds.OnceAsync(name, _ => GenerateAndStoreAsync(period, blob), ct)) return null;
        var built = await blob.DownloadStreamingAsync(cancellationToken: ct);
        return new CachedWorkbook(built.Value.Content, built.Value.Details.ContentLength, name, FromCache: false);
    }

    /// <summary>
    /// The stored workbook of the current submissions, generated and stored first when there is none yet, without
    /// reading it (a link to it is sent instead: <see cref="BlobReadLinks"/>); null when the period has no accepted sheet.
    /// </summary>
    public async Task<StoredWorkbook?> StoreAsync(ReportingPeriod period, CancellationToken ct)
    {
        var blob = _container.GetBlobClient(await BlobNameAsync(period, ct));
        if (await blob.ExistsAsync(ct)) return new StoredWorkbook(blob, FromCache: true);
        return await builds.OnceAsync(blob.Name, _ => GenerateAndStoreAsync(period, blob), ct) ? new StoredWorkbook(blob, FromCache: false) : null;
    }

    /// <summary>
    /// The workbook generated and stored under <paramref name="blob"/>; false when there is nothing to write. Not
    /// cancelled with the request that started it: others may be waiting for it.
    /// </summary>
    private async Task<bool> GenerateAndStoreAsync(ReportingPeriod period, BlobClient blob)
    {
        if (await GeneratedWorkbook.WriteAsync(workbooks, period, asOf: null, CancellationToken.None) is not { } generated) return false;
        var (file, summary) = generated;
        await using (file)
        {
            await StoreAsync(blob, file, CancellationToken.None);
        }

        logger.LogInformation("Merged workbook for {Period} generated ({Rows} rows) and kept as {Blob}", period, summary.DataRows, blob.Name);
        return true;
    }

    /// <summary>Stores <paramref name="content"/> under <paramref name="blob"/> unless a copy is there already (the same content).</summary>
    internal async Task StoreAsync(BlobClient blob, Stream content, CancellationToken ct)
    {
        if (!_created)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }

        content.Position = 0;
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = Xlsx.ContentType },
            }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another download generated the same workbook first: keep that one.
        }
    }
}

/// <param name="FromCache">True when served from blob storage, false when generated for this request.</param>
public sealed record CachedWorkbook(Stream Content, long Length, string BlobName, bool FromCache);

/// <param name="FromCache">True when it was stored already, false when generated (and stored) for this request.</param>
public sealed record StoredWorkbook(BlobClient Blob, bool FromCache);
