using Azure.Storage.Blobs;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Operations;

/// <summary>
/// Processes an upload again through the ingestion the blob trigger runs (<see cref="SubmissionIngestor.IngestAsync"/>),
/// as if Event Grid had delivered it once more. Safe by design: an upload already merged comes back <c>Duplicate</c>
/// and changes nothing; one stuck before its verdict (a delivery that died, a poison message, a dead-lettered event)
/// reaches it; a result mail still owed is sent, once.
/// </summary>
public sealed class IngestionReplay(BlobServiceClient blobs, StorageLayout layout, SubmissionIngestor ingestor)
{
    /// <summary>
    /// Replays one upload. <paramref name="path"/> is the blob's name in the uploads container (<c>GT/2021-Q3/informe.xlsx</c>),
    /// with or without the container (<c>uploads/GT/…</c>), as the status, the poison queue and the dead-letters name it.
    /// </summary>
    /// <returns>The ingestion's result, or null when no such upload exists (deleted since: nothing to replay).</returns>
    public async Task<IngestionResult?> ReplayAsync(string path, CancellationToken ct)
    {
        var blob = Upload(path);
        if (!await blob.ExistsAsync(ct)) return null;
        return await ingestor.IngestAsync(blob, ct);
    }

    /// <summary>The upload's client: the path relative to the uploads container, as the trigger binds it.</summary>
    public BlobClient Upload(string path)
    {
        var name = path.Trim().TrimStart('/');
        foreach (var container in new[] { layout.Uploads, StorageNames.UploadsContainer })
        {
            if (name.StartsWith(container + "/", StringComparison.Ordinal))
            {
                name = name[(container.Length + 1)..];
                break;
            }
        }
        return blobs.GetBlobContainerClient(layout.Uploads).GetBlobClient(name);
    }
}
