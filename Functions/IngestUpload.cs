using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Functions;

/// <summary>
/// A country's upload at <c>uploads/{unit}/{period}/{name}</c>, delivered by Event Grid (the blob trigger Flex
/// Consumption runs). Binds a <see cref="BlobClient"/>, never the bytes: the ingestor reads at most the size limit.
/// A rejected sheet returns normally (retrying cannot fix it); storage faults throw so the host retries. A result mail
/// another run still holds returns normally too ("retry later", a warning naming when the claim lapses): the host's
/// quick retries could not outwait the claim, so <see cref="SendPendingResultMails"/> sends it once the claim lapses.
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
        // The warning with the lapse time is the ingestor's; this says the delivery is finished all the same.
        if (result.MailPending is { } pending)
        {
            logger.LogInformation("Upload {Blob}: result mail {MessageKey} left to a later run ({MailOutcome}) after {LapsesAt:O}",
                blob.Name, pending.MessageKey, ResultMailPending.OutcomeName, pending.LapsesAt);
        }
    }
}
