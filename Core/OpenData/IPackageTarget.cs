namespace ServerlessPlan.Core.OpenData;

/// <summary>Where a package's files go (a folder, a zip, a blob container): one writable stream per file, one at a time.</summary>
public interface IPackageTarget
{
    /// <summary>A stream for the file <paramref name="name"/>; the caller writes it and disposes it before opening the next.</summary>
    Task<Stream> OpenAsync(string name, CancellationToken ct);
}
