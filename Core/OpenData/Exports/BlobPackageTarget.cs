using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ServerlessPlan.Core.OpenData.Exports;

/// <summary>
/// Writes a package's files as block blobs under a folder of a container (<c>snapshots/{stamp}/csv/</c>), each streamed
/// in blocks of <see cref="BlockBytes"/> (the SDK's write stream: a few blocks in memory, never the file).
/// </summary>
public sealed class BlobPackageTarget(BlobContainerClient container, string folder) : IPackageTarget
{
    /// <summary>Block size of the uploads: the memory one file being written holds.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    public string Folder => folder;

    public async Task<Stream> OpenAsync(string name, CancellationToken ct)
    {
        var blob = container.GetBlockBlobClient(folder + name);
        return await blob.OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions
        {
            BufferSize = BlockBytes,
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(name) },
        }, ct);
    }

    /// <summary>The media type a file of the package is served with (by its extension).</summary>
    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".csv" => DatasetFormat.Csv.MediaType() + "; charset=utf-8",
        ".parquet" => DatasetFormat.Parquet.MediaType(),
        _ => "application/json",
    };
}
