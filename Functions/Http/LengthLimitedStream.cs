namespace ServerlessPlan.Functions.Http;

/// <summary>
/// A request body read no further than a stated number of bytes, whatever it declares (chunked included): one byte
/// past the limit throws <see cref="RequestBodyTooLargeException"/>, so a parser that would otherwise skip through a
/// body (a multipart part it does not want, a preamble, a form of empty fields) stops there.
/// Hand-written because Kestrel's per-request <c>MaxRequestBodySize</c> is a server feature the Functions host's
/// proxy in front of the worker does not promise to honour, while a wrapper bounds the read wherever the app runs.
/// </summary>
public sealed class LengthLimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public long Limit => limit;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, Allowed(count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Never asks for more than one byte past the limit: enough to know the body is over it.</summary>
    private int Allowed(int wanted) => (int)Math.Min(wanted, Math.Max(0, limit + 1 - _read));

    private int Counted(int read)
    {
        _read += read;
        if (_read > limit) throw new RequestBodyTooLargeException(limit);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A request body went past its <see cref="LengthLimitedStream"/>'s limit: the request is refused as too large.</summary>
public sealed class RequestBodyTooLargeException(long limit) : IOException($"The request body is larger than {limit} bytes.")
{
    public long Limit => limit;
}
