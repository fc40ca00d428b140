namespace ServerlessPlan.Core.Ingestion.Packages;

/// <summary>
/// Reads an upload into memory without ever asking the stream for more than <c>cap + 1</c> bytes, so an endless or
/// huge stream costs at most the cap in memory and time.
/// </summary>
internal readonly record struct UploadBuffer(byte[] Buffer, int Length, long BytesRead, bool TooLarge)
{
    private const int FirstChunk = 64 * 1024;

    public static UploadBuffer Read(Stream content, long cap)
    {
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining > cap)
            {
                return new UploadBuffer([], 0, remaining, TooLarge: true);
            }
        }

        // One byte past the cap is how an over-cap stream is told apart from one exactly at it.
        var limit = (int)Math.Min(cap + 1, Array.MaxLength);
        var buffer = new byte[content.CanSeek ? (int)Math.Min(limit, content.Length - content.Position + 1) : Math.Min(limit, FirstChunk)];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(limit, (long)buffer.Length * 2));
            }

            var read = content.Read(buffer, total, Math.Min(buffer.Length, limit) - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total > cap
            ? new UploadBuffer([], 0, total, TooLarge: true)
            : new UploadBuffer(buffer, total, total, TooLarge: false);
    }
}
