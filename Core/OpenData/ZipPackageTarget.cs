using System.IO.Compression;

namespace ServerlessPlan.Core.OpenData;

/// <summary>Writes a package as one zip (the portal's download): an entry per file, written forward-only.</summary>
public sealed class ZipPackageTarget(Stream output) : IPackageTarget, IAsyncDisposable
{
    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);

    public Task<Stream> OpenAsync(string name, CancellationToken ct) =>
        Task.FromResult(_zip.CreateEntry(name, CompressionLevel.Fastest).Open());

    public ValueTask DisposeAsync()
    {
        _zip.Dispose();
        return ValueTask.CompletedTask;
    }
}
