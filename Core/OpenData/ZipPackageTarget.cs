using System.IO.Compression;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Writes a package as one zip straight into an output stream (the portal's download, a response body): an
/// entry per file, written forward-only with the asynchronous zip API (no synchronous write reaches the output, no file
/// is held whole), through <see cref="AsyncOnlyWriteStream"/> so that none of the zip's own synchronous calls reaches
/// the output either. The caller disposes the target to write the zip's central directory.
/// </summary>
public sealed class ZipPackageTarget : IPackageTarget, IAsyncDisposable
{
    private readonly AsyncOnlyWriteStream _output;
    private readonly ZipArchive _zip;

    private ZipPackageTarget(AsyncOnlyWriteStream output, ZipArchive zip)
    {
        _output = output;
        _zip = zip;
    }

    public static async Task<ZipPackageTarget> CreateAsync(Stream output, CancellationToken ct)
    {
        var forward = new AsyncOnlyWriteStream(output);
        return new(forward, await ZipArchive.CreateAsync(forward, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct));
    }

    public Task<Stream> OpenAsync(string name, CancellationToken ct) =>
        _zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _zip.DisposeAsync();
        await _output.FlushAsync(CancellationToken.None);
        await _output.DisposeAsync();
    }
}
