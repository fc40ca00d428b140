namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Writes a package into a folder: each file first as <c>NAME.partial</c>, all moved into place by <see cref="Commit"/>
/// once every file is written, so a failure never leaves a mix of old and new files under the package's names.
/// </summary>
public sealed class DirectoryPackageTarget : IPackageTarget
{
    private readonly string _directory;
    private readonly List<string> _written = [];

    public DirectoryPackageTarget(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    public string FullPath => _directory;

    public Task<Stream> OpenAsync(string name, CancellationToken ct)
    {
        var path = Path.Combine(_directory, name + ".partial");
        _written.Add(name);
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous));
    }

    public void Commit()
    {
        foreach (var name in _written) File.Move(Path.Combine(_directory, name + ".partial"), Path.Combine(_directory, name), overwrite: true);
        _written.Clear();
    }

    /// <summary>Removes what a failed write left.</summary>
    public void Abandon()
    {
        foreach (var name in _written) File.Delete(Path.Combine(_directory, name + ".partial"));
        _written.Clear();
    }
}
