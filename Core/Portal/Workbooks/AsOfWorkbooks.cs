using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// The portal's download with a date: the merged workbook exactly as it was current at an instant, rebuilt from the
/// submission history by the same service as <c>workbook --as-of</c> (<see cref="MergedWorkbookService.WriteAsync"/>).
/// The history is append-only, but the record as of an instant is final only once every upload that arrived before it
/// has been processed (a retried delivery, a trigger minutes or a day late still counts): once
/// <see cref="AsOfSettlement"/> says so, the workbook is built once, kept beside the cached current workbooks
/// (<c>workbooks/{period}/as-of-{instant}-{key}.xlsx</c>, the key digesting the plan in force, the units' membership
/// and the writer's build) and served from there like them; before, it is built for each request and not kept. Every
/// build takes one of the instance's slots (<see cref="WorkbookBuilds"/>).
/// </summary>
public sealed class AsOfWorkbooks(
    MergedWorkbookService workbooks,
    WorkbookCache cache,
    WorkbookBuilds builds,
    AsOfSettlement settlement,
    PlanRegistry plans,
    ReportingUnits units,
    ILogger<AsOfWorkbooks> logger)
{
    /// <summary>Where the workbook as of <paramref name="asOf"/> is kept once the instant is settled.</summary>
    public string BlobName(ReportingPeriod period, DateTimeOffset asOf)
    {
        var context = $"{WorkbookCache.CodeVersion}|{PointerKey.Context(plans, units, period)}";
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context)))[..32];
        return string.Create(CultureInfo.InvariantCulture, $"{period}/as-of-{asOf.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{key}.xlsx");
    }

    /// <summary>The workbook as of <paramref name="asOf"/>; null when nothing had been accepted by then.</summary>
    /// <exception cref="WorkbookBuildsBusyException">It needs building and every build slot is taken.</exception>
    public async Task<AsOfWorkbook?> OpenAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        var blob = cache.Blob(BlobName(period, asOf));
        try
        {
            var stored = await blob.DownloadStreamingAsync(cancellationToken: ct);
            return new AsOfWorkbook(stored.Value.Content, FromCache: true, Kept: true);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        if (await settlement.IsSettledAsync(period, asOf, ct))
        {
            var kept = await builds.OnceAsync(blob.Name, async _ =>
            {
                if (await GenerateAsync(period, asOf, CancellationToken.None) is not { } file) return false;
                await using (file)
                {
                    await cache.StoreAsync(blob, file, CancellationToken.None);
                }
                logger.LogInformation("Merged workbook for {Period} as of {AsOf} kept as {Blob}: every upload before that instant is processed",
                    period, asOf.ToString("o"), blob.Name);
                return true;
            }, ct);
            if (!kept) return null;
            var built = await blob.DownloadStreamingAsync(cancellationToken: ct);
            return new AsOfWorkbook(built.Value.Content, FromCache: false, Kept: true);
        }

        var alone = await builds.AloneAsync(c => GenerateAsync(period, asOf, c), ct);
        return alone is null ? null : new AsOfWorkbook(alone, FromCache: false, Kept: false);
    }

    /// <summary>The workbook in a temporary file (deleted when disposed); null when nothing had been accepted by then.</summary>
    private async Task<Stream?> GenerateAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        if (await GeneratedWorkbook.WriteAsync(workbooks, period, asOf, ct) is not { } generated) return null;
        var (file, summary) = generated;
        logger.LogInformation("Merged workbook for {Period} as of {AsOf} generated ({Rows} rows)", period, asOf.ToString("o"), summary.DataRows);
        return file;
    }
}

/// <param name="FromCache">Served from storage without a build.</param>
/// <param name="Kept">Stored for later requests (the instant is settled); false: built for this request only.</param>
public sealed record AsOfWorkbook(Stream Content, bool FromCache, bool Kept);
