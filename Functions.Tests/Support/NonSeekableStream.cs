namespace ServerlessPlan.Tests.Support;

/// <summary>
/// An upload as a network or blob stream delivers it: forward-only, no length. Yields <paramref name="content"/>,
/// or <paramref name="zeros"/> zero bytes generated on the fly (1 GiB costs nothing), and counts what it handed out.
/// Asynchronous reads complete on the caller's thread, so a test can measure what the reader allocates.
/// </summary>
public sealed class NonSeekableStream(byte[] content, long zeros = 0) : Stream
{
    private long _position;

    /// <summary>Fails a synchronous read as Kestrel does with <c>AllowSynchronousIO = false</c>.</summary>
    public bool ForbidSynchronousReads { get; init; }

    public static NonSeekableStream OfZeros(long length) => new([], length);

    /// <summary>Bytes the reader has taken from this stream.</summary>
    public long BytesRead => _position;

    private long Total => content.Length + zeros;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (ForbidSynchronousReads)
        {
            throw new InvalidOperationException("Synchronous operations are disallowed.");
        }

        return ReadCore(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReadCore(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(ReadCore(buffer.AsSpan(offset, count)));

    private int ReadCore(Span<byte> buffer)
    {
        // Short reads on purpose: readers must loop, as they must with real network streams.
        var count = (int)Math.Min(Math.Min(buffer.Length, 16 * 1024), Total - _position);
        if (count <= 0)
        {
            return 0;
        }

        var fromContent = (int)Math.Max(0, Math.Min(count, content.Length - _position));
        content.AsSpan((int)Math.Min(_position, content.Length), fromContent).CopyTo(buffer);
        buffer[fromContent..count].Clear();
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
