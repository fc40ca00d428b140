using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Packages;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// The upload form's body (<c>multipart/form-data</c>: the anti-forgery field, then the file), read asynchronously
/// and bounded: a request declaring more than the size cap plus the form's own overhead is refused before a byte is
/// read; the whole body, whatever it declares, is read through a <see cref="LengthLimitedStream"/> no further than the
/// same bound (a preamble, an unwanted part); the file's part goes through the guard's own buffering
/// (<see cref="UploadValidator.ReadAsync"/>), never read past the cap; other fields, headers and the number of parts
/// have small limits of their own, and a part without <c>Content-Disposition</c> makes the form malformed (a browser
/// never sends one, and skipping it would mean reading it).
/// </summary>
public sealed record UploadForm(string? AntiForgeryToken, string? FileName, UploadBuffer? File, bool Malformed, bool BodyTooLarge = false)
{
    public const string FileField = "sheet";

    /// <summary>What a form adds around the file: boundaries, part headers, the token field.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    private const int MaxParts = 8;
    private const int MaxFieldBytes = 2048;

    /// <summary>True when the declared length already says the file cannot fit: answer 413 without reading.</summary>
    public static bool DeclaredTooLarge(HttpRequest request, long maxUploadBytes) =>
        request.ContentLength > maxUploadBytes + FormOverheadBytes;

    public static async Task<UploadForm> ReadAsync(HttpRequest request, UploadValidator validator, long maxUploadBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ||
            !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return new UploadForm(null, null, null, Malformed: true);
        }

        var body = new LengthLimitedStream(request.Body, maxUploadBytes + FormOverheadBytes);
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 8 * 1024, HeadersCountLimit = 16 };
        string? token = null, fileName = null;
        UploadBuffer? file = null;
        try
        {
            for (var parts = 0; parts < MaxParts; parts++)
            {
                var section = await reader.ReadNextSectionAsync(ct);
                if (section is null) break;
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    return new UploadForm(token, fileName, file, Malformed: true);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name == FileField && file is null)
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    file = await validator.ReadAsync(section.Body, null, ct);
                    if (file.Value.TooLarge) break;
                }
                else
                {
                    // Any other part is small or the form is not ours: read no further than a field's limit.
                    var value = await ReadFieldAsync(section.Body, ct);
                    if (value is null) return new UploadForm(token, fileName, file, Malformed: true);
                    if (name == AntiForgery.FieldName && token is null) token = value;
                }
            }
        }
        catch (RequestBodyTooLargeException)
        {
            return new UploadForm(token, fileName, file, Malformed: true, BodyTooLarge: true);
        }
        catch (InvalidDataException)
        {
            return new UploadForm(token, fileName, file, Malformed: true);
        }

        return new UploadForm(token, fileName, file, Malformed: false);
    }

    /// <summary>A field's text, or null when it is longer than a field may be (the rest is not read).</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += read;
        return total > MaxFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, total).Trim();
    }
}
