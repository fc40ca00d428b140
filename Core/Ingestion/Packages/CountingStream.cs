namespace ServerlessPlan.Core.Ingestion.Packages;

/// <summary>
/// A read-only pass-through that charges every byte it hands out to an <see cref="InflationBudget"/> (throwing as
/// soon as the budget is spent) and shows each chunk to an observer (CRC, DOCTYPE scan) on its way through.
/// </summary>
internal sealed class CountingStream(Stream inner, InflationBudget budget, Action<ReadOnlySpan<byte>>? observe = null)
    : Stream
{
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
            budget.Charge(read);
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
