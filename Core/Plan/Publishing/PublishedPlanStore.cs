using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Core.Plan.Publishing;

/// <summary>
/// Published plans in the config container (<c>config</c>, behind <c>Storage__Prefix</c>; the storage area hands it over,
/// as it does every store's container, so the plan does not depend on the storage layout):
/// <c>plans/{id}.json</c> is the version in force, <c>plans/{id}/{yyyyMMddTHHmmssZ}-{sha8}.json</c> every version
/// ever published (immutable, written first). Each blob is the canonical plan file, with its SHA-256, publication time
/// and source file in the blob's metadata. Writes of the current version are conditional (ETag), and publishers
/// serialise on a lease of <c>locks/plans.lock</c>, so two publications never interleave.
/// </summary>
public sealed class PublishedPlanStore(BlobContainerClient config, ILogger<PublishedPlanStore> logger)
{
    public const string Folder = "plans/";
    public const string LockBlob = "locks/plans.lock";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private readonly BlobContainerClient _container = config;

    public static string CurrentBlobName(string id) => $"{Folder}{id}.json";

    public static string VersionBlobName(string id, DateTimeOffset at, string sha256) =>
        $"{Folder}{id}/{at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{sha256[..8]}.json";

    /// <summary>The blob's path as people read it: <c>config/plans/2023-2025.json</c>.</summary>
    public string PathOf(string blobName) => $"{_container.Name}/{blobName}";

    /// <summary>Every plan in force in storage: the blobs directly under <c>plans/</c>, each loaded with the plan loader's checks.</summary>
    public async Task<PublishedPlans> LoadAsync(CancellationToken ct)
    {
        var plans = new List<PublishedPlan>();
        var problems = new List<string>();
        try
        {
            await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.Metadata, BlobStates.None, "/", Folder, ct))
            {
                if (!item.IsBlob || !item.Blob.Name.EndsWith(".json", StringComparison.Ordinal)) continue;
                var (plan, problem) = await ReadAsync(item.Blob.Name, item.Blob.Properties.ContentLength, ct);
                if (plan is not null) plans.Add(plan);
                if (problem is not null) problems.Add(problem);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container yet: nothing was ever published.
        }
        return new PublishedPlans(plans, problems);
    }

    /// <summary>The blob names of every version of a plan, oldest first.</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(string id, CancellationToken ct)
    {
        var names = new List<string>();
        try
        {
            await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{Folder}{id}/", ct)) names.Add(item.Name);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Writes a new version: first the immutable version blob, then the current one, conditionally on
    /// <paramref name="expected"/> (the ETag of the current blob read under the lock, or null when there was none).
    /// </summary>
    /// <returns>The version blob's name.</returns>
    /// <exception cref="RequestFailedException">412/409: the current blob changed meanwhile (the caller reports it).</exception>
    internal async Task<string> WriteAsync(PlanCatalog catalog, byte[] content, string sha256, DateTimeOffset at, string source,
        ETag? expected, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string>
        {
            ["planid"] = catalog.Id,
            ["sha256"] = sha256,
            ["publishedat"] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["source"] = Uri.EscapeDataString(source),
            ["firstyear"] = catalog.FirstYear.ToString(CultureInfo.InvariantCulture),
            ["lastyear"] = catalog.LastYear.ToString(CultureInfo.InvariantCulture),
        };
        var version = VersionBlobName(catalog.Id, at, sha256);
        try
        {
            await Upload(version, content, metadata, new BlobRequestConditions { IfNoneMatch = ETag.All }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same content was published in the same second (a retried run): that version is already kept.
        }
        var current = expected is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        await Upload(CurrentBlobName(catalog.Id), content, metadata, current, ct);
        logger.LogInformation("Published plan {Plan} ({Sha256}) as {Blob}", catalog.Id, sha256, version);
        return version;
    }

    /// <summary>Holds the publishers' lease until disposed; waits up to <paramref name="wait"/> for another publisher to finish.</summary>
    internal async Task<IAsyncDisposable> LockAsync(TimeSpan wait, CancellationToken ct)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: ct);
        var blob = _container.GetBlobClient(LockBlob);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Exists already (and may be leased by another publisher right now).
        }
        var lease = blob.GetBlobLeaseClient();
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: ct);
                return new Lease(lease);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }
    }

    private async Task Upload(string name, byte[] content, Dictionary<string, string> metadata, BlobRequestConditions conditions, CancellationToken ct) =>
        await _container.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            Metadata = metadata,
            Conditions = conditions,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, ct);

    private async Task<(PublishedPlan? Plan, string? Problem)> ReadAsync(string name, long? length, CancellationToken ct)
    {
        var location = PathOf(name);
        if (length > PlanJson.MaxFileBytes)
            return (null, $"{location}: {length} bytes, more than a plan file may hold ({PlanJson.MaxFileBytes}); not loaded");
        var download = await _container.GetBlobClient(name).DownloadContentAsync(ct);
        var content = download.Value.Content.ToArray();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var catalog = PlanLoader.Load(stream, $"published plan '{location}'");
            if (CurrentBlobName(catalog.Id) != name)
                return (null, $"{location}: declares id '{catalog.Id}', which belongs in {PathOf(CurrentBlobName(catalog.Id))}; not loaded");
            var details = download.Value.Details;
            var publishedAt = details.Metadata.TryGetValue("publishedat", out var at)
                && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed : details.LastModified;
            var source = details.Metadata.TryGetValue("source", out var s) ? Uri.UnescapeDataString(s) : null;
            return (new PublishedPlan(catalog, name, location, PlanDocumentWriter.Sha256(catalog), publishedAt, source, details.ETag), null);
        }
        catch (PlanFormatException ex)
        {
            logger.LogWarning("Published plan {Blob} is invalid: {Reason}", location, ex.Message);
            return (null, ex.Message);
        }
    }

    private sealed class Lease(BlobLeaseClient lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Expired or lost: it lapses by itself within the lease duration.
            }
        }
    }
}
