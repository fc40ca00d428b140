using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.OpenData.Exports;

/// <summary>
/// Keeps the <c>exports</c> container holding the package for all periods as stored now (docs/data.md, "In storage"):
/// <list type="number">
/// <item>read the record once and key it (<see cref="PackageKey"/>); when <c>current/manifest.json</c> has that key,
/// stop (<see cref="ExportOutcome.UpToDate"/>: a repeated run writes nothing);</item>
/// <item>claim a snapshot folder <c>snapshots/{yyyy-MM-ddTHHmmssZ}/</c> by creating its manifest only if there is
/// none (a folder has one writer), write both formats there, then mark the manifest complete;</item>
/// <item>under a lease on <c>current/manifest.json</c> (one swap at a time, across instances), unless a publisher that
/// read the record later got there first (<see cref="ExportOutcome.Superseded"/>), copy the snapshot's files into
/// <c>current/</c> and write the manifest naming it last.</item>
/// </list>
/// A publisher dying while it writes the snapshot leaves <c>current/</c> untouched and an incomplete snapshot no
/// manifest names; one dying while it copies leaves <c>current/manifest.json</c> naming the previous snapshot, so the
/// next run sees a key that differs and publishes again. One publication per instance, in one of the build slots the
/// workbooks and the API share (<see cref="WorkbookBuilds"/>).
/// </summary>
public sealed class ExportPublisher(
    BlobServiceClient blobs,
    StorageLayout layout,
    PeriodRecordReader reader,
    DatasetRows rows,
    OpenDataExporter exporter,
    PlanRegistry plans,
    ReportingUnits units,
    WorkbookBuilds builds,
    TimeProvider time,
    ILogger<ExportPublisher> logger)
{
    public const string CurrentFolder = "current/";
    public const string SnapshotsFolder = "snapshots/";

    /// <summary>Both formats, each in a folder of its own that is a whole package (what <c>export --format F</c> writes).</summary>
    public static readonly IReadOnlyList<DatasetFormat> Formats = [DatasetFormat.Csv, DatasetFormat.Parquet];

    /// <summary>How long the swap's lease lasts without renewal (renewed before each file): what a dead swapper blocks others.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>How long a swap waits for another's lease: longer than one lease, so a dead swapper's lapses meanwhile.</summary>
    public static readonly TimeSpan SwapWait = TimeSpan.FromSeconds(90);

    private const int MaxSnapshotClaims = 120;

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(layout.Exports);
    private readonly SemaphoreSlim _running = new(1, 1);
    private volatile bool _created;

    public BlobContainerClient Container => _container;

    /// <summary><c>2021-11-20T093000Z</c>: the snapshot folder of a record read at <paramref name="at"/>.</summary>
    public static string SnapshotName(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The files of one format's package, tables first and <c>datapackage.json</c> last.</summary>
    public static IEnumerable<string> FileNames(DatasetFormat format) =>
        OpenDataSchema.Tables.Select(t => OpenDataExporter.FileName(t, format)).Append(DataPackageJson.FileName);

    /// <summary>Publishes the package if the record changed since <c>current/</c> was written; every run ends in a named outcome.</summary>
    public async Task<ExportPublication> PublishAsync(CancellationToken ct)
    {
        if (!await _running.WaitAsync(0, ct))
        {
            logger.LogInformation("Open-data export: a publication is running on this instance already ({Outcome})", ExportOutcome.Busy);
            return new ExportPublication(ExportOutcome.Busy, null, null);
        }

        try
        {
            using var slot = builds.TrySlot();
            if (slot is null)
            {
                logger.LogInformation("Open-data export: every build slot is taken; the next run publishes ({Outcome})", ExportOutcome.Busy);
                return new ExportPublication(ExportOutcome.Busy, null, null);
            }

            var publication = await PublishOnceAsync(ct);
            logger.LogInformation("Open-data export ended {Outcome}: snapshot {Snapshot}, key {Key}", publication.Outcome, publication.Snapshot, publication.Key);
            return publication;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>The manifest of <c>current/</c> when a complete package is there; null otherwise.</summary>
    public Task<ExportManifest?> CurrentAsync(CancellationToken ct) => ReadManifestAsync(_container.GetBlobClient(CurrentFolder + ExportManifest.FileName), ct);

    private async Task<ExportPublication> PublishOnceAsync(CancellationToken ct)
    {
        var readAt = time.GetUtcNow();
        var records = await reader.ReadAsync(DatasetScope.All, asOf: null, ct);
        if (!records.Any(r => r.HasData)) return new ExportPublication(ExportOutcome.NoData, null, null);
        var key = await PackageKey.OfAsync(records, rows, plans, units, ct);

        await EnsureContainerAsync(ct);
        if (await CurrentAsync(ct) is { } current)
        {
            if (current.Key == key) return new ExportPublication(ExportOutcome.UpToDate, current.Snapshot, key);
            if (current.ReadAt > readAt) return new ExportPublication(ExportOutcome.Superseded, null, key);
        }

        var (snapshot, claim) = await ClaimSnapshotAsync(readAt, key, ct);
        PackageSummary? written = null;
        foreach (var format in Formats)
        {
            var target = new BlobPackageTarget(_container, $"{SnapshotsFolder}{snapshot}/{format.Extension()}/");
            written = await exporter.WritePackageAsync(target, records, DatasetScope.All, format, asOf: null, ct)
                ?? throw new InvalidOperationException("A record with data wrote no package.");
        }

        var manifest = Manifest(snapshot, key, readAt, complete: true, written!.Periods, written.Rows);
        await _container.GetBlobClient($"{SnapshotsFolder}{snapshot}/{ExportManifest.FileName}").UploadAsync(manifest.ToBinary(),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = claim }, HttpHeaders = JsonHeaders }, ct);
        logger.LogInformation("Open-data snapshot {Snapshot} written: {ProgressRows} progress rows over {Periods} quarters",
            snapshot, written.Rows["progress"], written.Periods.Count);
        return await SwapAsync(manifest, ct);
    }

    /// <summary>
    /// Creates the snapshot's manifest, incomplete, only where there is none: the folder is this publisher's alone. A
    /// name taken (another publisher in the same second) moves on a second.
    /// </summary>
    private async Task<(string Name, ETag Claim)> ClaimSnapshotAsync(DateTimeOffset readAt, string key, CancellationToken ct)
    {
        for (var i = 0; i < MaxSnapshotClaims; i++)
        {
            var name = SnapshotName(readAt.AddSeconds(i));
            try
            {
                var created = await _container.GetBlobClient($"{SnapshotsFolder}{name}/{ExportManifest.FileName}").UploadAsync(
                    Manifest(name, key, readAt, complete: false, [], new Dictionary<string, long>()).ToBinary(),
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, HttpHeaders = JsonHeaders }, ct);
                return (name, created.Value.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                logger.LogInformation("Open-data snapshot {Snapshot} is another publisher's: trying the next second", name);
            }
        }

        throw new InvalidOperationException($"No free snapshot name in the {MaxSnapshotClaims} seconds after {readAt:o}.");
    }

    private async Task<ExportPublication> SwapAsync(ExportManifest manifest, CancellationToken ct)
    {
        var currentBlob = _container.GetBlobClient(CurrentFolder + ExportManifest.FileName);
        var lease = await AcquireAsync(currentBlob, ct);
        if (lease is null) return new ExportPublication(ExportOutcome.SwapBusy, manifest.Snapshot, manifest.Key);
        try
        {
            // Read again under the lease: another publisher may have swapped while this one wrote its snapshot.
            if (await CurrentAsync(ct) is { } current)
            {
                if (current.Key == manifest.Key) return new ExportPublication(ExportOutcome.UpToDate, current.Snapshot, manifest.Key);
                if (current.ReadAt > manifest.ReadAt) return new ExportPublication(ExportOutcome.Superseded, manifest.Snapshot, manifest.Key);
            }

            foreach (var format in Formats)
            {
                foreach (var name in FileNames(format))
                {
                    await lease.RenewAsync(cancellationToken: ct);
                    await CopyAsync($"{SnapshotsFolder}{manifest.Snapshot}/{format.Extension()}/{name}", $"{CurrentFolder}{format.Extension()}/{name}", ct);
                }
            }

            await currentBlob.UploadAsync(manifest.ToBinary(),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId }, HttpHeaders = JsonHeaders }, ct);
            return new ExportPublication(ExportOutcome.Published, manifest.Snapshot, manifest.Key);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lease lapsed (a copy slower than the lease) and another took it: its swap stands, the next run compares again.
            logger.LogWarning("Open-data swap of {Snapshot} lost its lease on current/: {Error}", manifest.Snapshot, ex.ErrorCode);
            return new ExportPublication(ExportOutcome.SwapBusy, manifest.Snapshot, manifest.Key);
        }
        finally
        {
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Lapsed or taken already: nothing to give back.
            }
        }
    }

    /// <summary>The lease on <c>current/manifest.json</c> (created as an incomplete manifest when there is none yet); null when another holds it throughout <see cref="SwapWait"/>.</summary>
    private async Task<BlobLeaseClient?> AcquireAsync(BlobClient blob, CancellationToken ct)
    {
        var lease = blob.GetBlobLeaseClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: ct);
                return lease;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                await CreatePlaceholderAsync(blob, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                if (waited.Elapsed > SwapWait) return null;
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private static async Task CreatePlaceholderAsync(BlobClient blob, CancellationToken ct)
    {
        try
        {
            var none = new ExportManifest(OpenDataSchema.Version, "", "", DateTimeOffset.MinValue, Complete: false, [], [], new Dictionary<string, long>());
            await blob.UploadAsync(none.ToBinary(), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, HttpHeaders = JsonHeaders }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another publisher created it first.
        }
    }

    /// <summary>One file from the snapshot to <c>current/</c>, streamed through in blocks (each file replaced whole when its blocks commit).</summary>
    private async Task CopyAsync(string from, string to, CancellationToken ct)
    {
        await using var source = await _container.GetBlobClient(from).OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlobPackageTarget.BlockBytes }, ct);
        await _container.GetBlobClient(to).UploadAsync(source, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = BlobPackageTarget.ContentType(to) },
            TransferOptions = new StorageTransferOptions
            {
                MaximumConcurrency = 2,
                InitialTransferSize = BlobPackageTarget.BlockBytes,
                MaximumTransferSize = BlobPackageTarget.BlockBytes,
            },
        }, ct);
    }

    private async Task<ExportManifest?> ReadManifestAsync(BlobClient blob, CancellationToken ct)
    {
        try
        {
            var manifest = ExportManifest.Parse((await blob.DownloadContentAsync(ct)).Value.Content);
            return manifest is { Complete: true } ? manifest : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_created) return;
        await _container.CreateIfNotExistsAsync(cancellationToken: ct);
        _created = true;
    }

    private static ExportManifest Manifest(string snapshot, string key, DateTimeOffset readAt, bool complete, IReadOnlyList<string> periods,
        IReadOnlyDictionary<string, long> rows) =>
        new(OpenDataSchema.Version, snapshot, key, readAt, complete, Formats.Select(f => f.Extension()).ToList(), periods, rows);

    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json" };
}
