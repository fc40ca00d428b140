using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// Puts a sheet where a country would (<c>uploads/{unit}/{period}/{file}</c>) and runs the ingestion the blob trigger
/// runs on it: the CLI's <c>ingest</c>, the demo and the benchmark go through the same path as production.
/// </summary>
public sealed class UploadSubmitter(BlobServiceClient blobs, StorageLayout layout, SubmissionIngestor ingestor)
{
    private volatile bool _created;

    public async Task<IngestionResult> SubmitAsync(UploadPath upload, Stream content, string? uploader, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(layout.Uploads);
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }

        var blob = container.GetBlobClient(upload.BlobName);
        var metadata = uploader is null ? null : new Dictionary<string, string> { ["uploader"] = Uri.EscapeDataString(uploader) };
        await blob.UploadAsync(content, new BlobUploadOptions { Metadata = metadata }, ct);
        return await ingestor.IngestAsync(blob, ct);
    }

    public string BlobPath(UploadPath upload) => $"{layout.Uploads}/{upload.BlobName}";
}
