namespace ServerlessPlan.Core.Packages;

/// <summary>
/// An upload read into memory without ever asking the stream for more than <c>cap + 1</c> bytes, so an endless or
/// huge stream costs at most the cap in memory and time. Read asynchronously: the streams it reads are network streams
/// (an HTTP request body, where Kestrel forbids synchronous reads; a blob download), and a blocked thread per upload
/// is what a burst of uploads cannot afford. Shared by the package guard and <c>POST /api/validate</c>, so there is
/// one buffering with one limit.
/// </summary>
/// <param name="Buffer">The bytes read; only the first <paramref name="Length"/> are content. Empty when too large.</param>
/// <param name="BytesRead">
/// Bytes taken from the stream, or for an upload rejected before reading, the size it declared (or its seekable length).
/// </param>
/// <param name="TooLarge">Over the cap: nothing is kept, and nothing may parse it.</param>
public readonly record struct UploadBuffer(byte[] Buffer, int Length, long BytesRead, bool TooLarge)
{
    private const int FirstChunk = 64 * 1024;

    /// <summary>Reads <paramref name="content"/> from its current position, up to <paramref name="cap"/> bytes.</summary>
    /// <param name="declaredLength">
    /// What the sender says the size is (an HTTP Content-Length, a blob's size), when known. Above the cap the upload is
    /// refused without reading a byte; at or below it, it only sizes the first buffer (it may lie: reading still
    /// stops at the cap).
    /// </param>
    public static async Task<UploadBuffer> ReadAsync(Stream content, long cap, long? declaredLength, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        var expected = declaredLength ?? (content.CanSeek ? content.Length - content.Position : null);
        if (expected > cap)
        {
            return new UploadBuffer([], 0, expected.Value, TooLarge: true);
        }

        // One byte past the cap is how an over-cap stream is told apart from one exactly at it.
        var limit = (int)Math.Min(cap + 1, Array.MaxLength);
        var buffer = new byte[expected is { } size ? (int)Math.Min(limit, size + 1) : Math.Min(limit, FirstChunk)];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(limit, (long)buffer.Length * 2));
            }

            var read = await content.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, limit) - total), ct);
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
