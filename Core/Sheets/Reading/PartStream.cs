namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// A read-only pass-through over one part's inflated bytes that throws <see cref="PartLimitException"/> as soon as
/// more than the part's bound has been read, whatever the zip entry declares: the bound holds even for a package that
/// did not come through the guard.
/// </summary>
internal sealed class PartStream(Stream inner, string part, long maxBytes) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        if (BytesRead > maxBytes) throw new PartLimitException(PartLimit.Size, part, maxBytes);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
