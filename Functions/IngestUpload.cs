using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Functions;

/// <summary>
/// A country's upload at <c>uploads/{unit}/{period}/{name}</c>, delivered by Event Grid (the blob trigger Flex
/// Consumption runs). Binds a <see cref="BlobClient"/>, never the bytes: the ingestor reads at most the size limit.
/// A rejected sheet returns normally (retrying cannot fix it); storage faults throw so the host retries.
/// </summary>
public sealed class IngestUpload(SubmissionIngestor ingestor, ILogger<IngestUpload> logger)
{
    [Function(nameof(IngestUpload))]
    public async Task Run(
        [BlobTrigger(StorageNames.UploadsContainer + "/{unit}/{period}/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)]
        BlobClient blob,
        string unit, string period, CancellationToken cancellationToken)
    {
        logger.LogInformation("Upload {Blob} received for {Unit} {Period}", blob.Name, unit, period);
        var result = await ingestor.IngestAsync(blob, cancellationToken);
        logger.LogInformation("Upload {Blob} for {Unit} {Period}: {Outcome}, {Rows} rows, {Errors} errors, {Warnings} warnings",
            blob.Name, unit, period, result.Outcome, result.Rows, result.Report.Errors.Count, result.Report.Warnings.Count);
    }
}
