using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// What the package guard found. When <see cref="Ok"/>, <see cref="OpenRead"/> gives the parser the very bytes that
/// were checked (the upload stream has been consumed and may not be seekable).
/// </summary>
public sealed class PackageInspection
{
    private readonly byte[] _buffer;

    internal PackageInspection(IReadOnlyList<ValidationIssue> issues, byte[] buffer, int length, long bytesRead, string? sha256)
    {
        Issues = issues;
        _buffer = buffer;
        Content = new ReadOnlyMemory<byte>(buffer, 0, length);
        Length = bytesRead;
        Sha256 = sha256;
    }

    /// <summary>No errors (warnings allowed): the content may be handed to the spreadsheet parser.</summary>
    public bool Ok => Issues.All(i => i.Severity != IssueSeverity.Error);

    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>The buffered upload; empty when it was over the size cap (it is not kept then).</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>
    /// Size of the upload in bytes. For an upload over the cap: its length when the stream was seekable, else
    /// the cap + 1 (reading stops there).
    /// </summary>
    public long Length { get; }

    /// <summary>Lowercase hex SHA-256 of the content; null when the upload was over the cap and never fully read.</summary>
    public string? Sha256 { get; }

    /// <summary>A fresh read-only, seekable stream over <see cref="Content"/>.</summary>
    public Stream OpenRead() => new MemoryStream(_buffer, 0, Content.Length, writable: false);
}
