using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// A small URL-encoded form (the ST's reopen and lock forms), read within stated limits: a body declared over
/// <see cref="MaxBytes"/> is refused before it is read; otherwise at most <see cref="MaxFields"/> fields, names of at most
/// 64 characters and values of at most <see cref="MaxValueChars"/>, whatever the body declares (chunked included): the
/// framework's form reader stops at the first limit crossed, and the form is then unreadable. The body itself is read
/// through a <see cref="LengthLimitedStream"/> of <see cref="MaxBytes"/>: a form of nothing but separators (<c>&amp;&amp;&amp;…</c>)
/// crosses none of the reader's limits, so only the length stops it.
/// </summary>
public static class SmallForm
{
    public const int MaxBytes = 16 * 1024;
    public const int MaxFields = 8;
    public const int MaxValueChars = 4 * 1024;

    private static readonly FormOptions Limits = new()
    {
        BufferBody = false,
        ValueCountLimit = MaxFields,
        KeyLengthLimit = 64,
        ValueLengthLimit = MaxValueChars,
    };

    public static bool DeclaredTooLarge(HttpRequest request) => request.ContentLength > MaxBytes;

    /// <summary>The form's fields; null when the body is not a URL-encoded form or crosses a limit.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ?? true) return null;
        request.Body = new LengthLimitedStream(request.Body, MaxBytes);
        try
        {
            return await request.ReadFormAsync(Limits, ct);
        }
        catch (Exception e) when (e is InvalidDataException or RequestBodyTooLargeException)
        {
            return null;
        }
    }
}
