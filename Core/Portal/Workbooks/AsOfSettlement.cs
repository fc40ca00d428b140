using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// Whether the record as of an instant is final, so a workbook of it may be kept: the instant is safely past (more
/// than <see cref="Margin"/> ago, so no upload is still being written before it) and every upload that arrived before
/// it, for a quarter the workbook holds, has been processed (has its row in the arrival log). The history is
/// append-only, so from then on nothing can change what was current at that instant. An upload still waiting for its
/// trigger (a retried delivery, a trigger a day late) makes the instant not settled yet: the workbook is built for the
/// request and not kept.
/// </summary>
public sealed class AsOfSettlement(BlobServiceClient blobs, StorageLayout layout, ArrivalLog arrivals, PlanRegistry plans, TimeProvider time)
{
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>How far apart an arrival's recorded time and the blob's own may be (table and blob clocks, rounding).</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    public async Task<bool> IsSettledAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        if (asOf > time.GetUtcNow() - Margin) return false;
        var first = new ReportingPeriod(plans.For(period).FirstYear, 1);
        var waiting = new List<(string Blob, DateTimeOffset Arrived, ReportingPeriod Period)>();
        var uploads = blobs.GetBlobContainerClient(layout.Uploads);
        if (!await uploads.ExistsAsync(ct)) return true;
        await foreach (var item in uploads.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, ct))
        {
            if (!UploadPath.TryParse(item.Name, out var path) || path.Period < first || path.Period > period) continue;
            var arrived = UploadArrival.Of(item.VersionId, item.Properties.LastModified ?? DateTimeOffset.MaxValue);
            if (arrived <= asOf) waiting.Add(($"{uploads.Name}/{item.Name}", arrived, path.Period));
        }

        foreach (var quarter in waiting.Select(w => w.Period).Distinct())
        {
            var processed = (await arrivals.ListAsync(quarter, ct)).ToLookup(a => a.UploadBlob, a => a.ArrivedAt, StringComparer.Ordinal);
            if (waiting.Any(w => w.Period == quarter && !processed[w.Blob].Any(at => at >= w.Arrived - Tolerance))) return false;
        }

        return true;
    }
}
