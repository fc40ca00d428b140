namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// A read-only pass-through that charges every byte it hands out to a bound — which throws the moment it is passed —
/// and shows each chunk to an observer (CRC, DOCTYPE scan) on its way through. The guard charges a whole package's
/// inflation budget with it; the reader bounds each part it parses (<see cref="ForPart"/>), whatever the zip declares.
/// </summary>
internal sealed class CountingStream(Stream inner, Action<int> charge, Action<ReadOnlySpan<byte>>? observe = null) : Stream
{
    /// <summary>A stream over one part that throws <see cref="PartLimitException"/> past <paramref name="maxBytes"/>.</summary>
    public static CountingStream ForPart(Stream inner, string part, long maxBytes)
    {
        long total = 0;
        return new CountingStream(inner, read =>
        {
            total += read;
            if (total > maxBytes) throw new PartLimitException(PartLimit.Size, part, maxBytes);
        });
    }

    /// <summary>Bytes read through this stream.</summary>
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
        if (read > 0)
        {
            BytesRead += read;
            charge(read);
            observe?.Invoke(buffer[..read]);
        }

        return read;
    }

    /// <summary>Reads to the end, for entries (or the rest of entries) nobody parses.</summary>
    public void Drain(Span<byte> scratch)
    {
        while (Read(scratch) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
