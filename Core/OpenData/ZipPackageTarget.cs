using System.IO.Compression;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Writes a package as one zip straight into an output stream (the portal's download, a response body): an
/// entry per file, written forward-only with the asynchronous zip API (no synchronous write reaches the output, no file
/// is held whole). The caller disposes the target to write the zip's central directory.
/// </summary>
public sealed class ZipPackageTarget : IPackageTarget, IAsyncDisposable
{
    private readonly ZipArchive _zip;

    private ZipPackageTarget(ZipArchive zip) => _zip = zip;

    public static async Task<ZipPackageTarget> CreateAsync(Stream output, CancellationToken ct) =>
        new(await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct));

    public Task<Stream> OpenAsync(string name, CancellationToken ct) =>
        _zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct);

    public ValueTask DisposeAsync() => _zip.DisposeAsync();
}
