using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Keeps every original upload immutable, content-addressed: <c>archive/{unit}/{period}/{sha256}.xlsx</c>. Writing
/// the same content twice is a no-op, so a re-delivered trigger never duplicates or alters an original.
/// </summary>
public sealed class ArchiveStore(BlobServiceClient blobs, StorageLayout layout, ILogger<ArchiveStore> logger)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(layout.Archive);
    private volatile bool _created;

    public static string BlobName(UploadPath upload, string contentHash) => $"{upload.Unit}/{upload.Period}/{contentHash}.xlsx";

    /// <summary>Where <see cref="KeepAsync"/> keeps this content: <c>archive/{unit}/{period}/{sha256}.xlsx</c>.</summary>
    public string PathOf(UploadPath upload, string contentHash) => $"{layout.Archive}/{BlobName(upload, contentHash)}";

    public async Task<string?> KeepAsync(UploadPath upload, string contentHash, ReadOnlyMemory<byte> content,
        DateTimeOffset uploadedAt, string? uploader, CancellationToken ct)
    {
        if (!_created)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }

        var name = BlobName(upload, contentHash);
        var blob = _container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string>
                {
                    // Escaped to ASCII and bounded (TableText): metadata holds 8 KiB in all, and the uploader chooses its own.
                    ["originalname"] = Uri.EscapeDataString(TableText.Bound(upload.FileName, TableText.MaxFileNameChars)!),
                    ["uploadedat"] = uploadedAt.ToString("O"),
                    ["uploader"] = Uri.EscapeDataString(TableText.Bound(uploader, TableText.MaxUploaderChars) ?? ""),
                    ["sha256"] = contentHash,
                },
                HttpHeaders = new BlobHttpHeaders { ContentType = Xlsx.ContentType },
            }, ct);
            logger.LogInformation("Archived {Blob} ({Bytes} bytes)", name, content.Length);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Same content already archived: originals are immutable, nothing to do.
        }

        return PathOf(upload, contentHash);
    }
}
