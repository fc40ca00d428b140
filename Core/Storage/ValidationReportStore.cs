using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Where a country fetches the verdict on its upload: <c>reports/{unit}/{period}/{file}.validation.json</c> and, when
/// the copy could be made, <c>{file}.annotated.xlsx</c> with the offending cells highlighted and listed on a review sheet.
/// </summary>
public sealed class ValidationReportStore(BlobServiceClient blobs, StorageLayout layout)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(layout.Reports);
    private volatile bool _created;

    public static string JsonBlobName(UploadPath upload) => $"{upload.Unit}/{upload.Period}/{Stem(upload.FileName)}.validation.json";

    public static string AnnotatedBlobName(UploadPath upload) => $"{upload.Unit}/{upload.Period}/{Stem(upload.FileName)}.annotated.xlsx";

    /// <summary>Where <see cref="WriteAsync"/> puts the JSON report: <c>reports/{unit}/{period}/{file}.validation.json</c>.</summary>
    public string PathOf(UploadPath upload) => $"{layout.Reports}/{JsonBlobName(upload)}";

    /// <summary>Metadata of a JSON report: the content it judged (SHA-256), so a page can tell it from a later file's under the same name.</summary>
    public const string ContentKey = "content";

    /// <summary>Metadata of a JSON report: its error count (a list of reports reads it without opening each).</summary>
    public const string ErrorsKey = "errors";

    /// <summary>Metadata of a JSON report: its warning count.</summary>
    public const string WarningsKey = "warnings";

    /// <param name="contentId">The content's SHA-256 (the submission id), when the package could be read.</param>
    /// <param name="sentName">The name the person sent the sheet under (<see cref="SentNames"/>).</param>
    /// <returns>The path of the JSON report, <c>reports/…</c>.</returns>
    public async Task<string> WriteAsync(UploadPath upload, ValidationReport report, byte[]? annotated, CancellationToken ct,
        string? contentId = null, string? sentName = null)
    {
        var metadata = Metadata(report, contentId, sentName);
        if (!_created)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }

        var json = _container.GetBlobClient(JsonBlobName(upload));
        var annotatedBlob = _container.GetBlobClient(AnnotatedBlobName(upload));
        if (annotated is not null)
        {
            // The two blobs are independent: written together.
            await Task.WhenAll(
                WriteJsonAsync(json, report, metadata, overwrite: true, ct),
                annotatedBlob.UploadAsync(new BinaryData(annotated), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = Xlsx.ContentType },
                }, ct));
        }
        else if (!await WriteJsonAsync(json, report, metadata, overwrite: false, ct))
        {
            // A report for an earlier file of this name exists: never leave its annotations beside the newer verdict.
            // (A first report for the name cannot have an annotated copy beside it, which saves the delete.)
            await Task.WhenAll(WriteJsonAsync(json, report, metadata, overwrite: true, ct), annotatedBlob.DeleteIfExistsAsync(cancellationToken: ct));
        }

        return PathOf(upload);
    }

    /// <returns>False when <paramref name="overwrite"/> is false and a report already exists (nothing written).</returns>
    private static async Task<bool> WriteJsonAsync(BlobClient blob, ValidationReport report, IDictionary<string, string> metadata, bool overwrite, CancellationToken ct)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromString(report.ToJson()), new BlobUploadOptions
            {
                Metadata = metadata,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (!overwrite && ex.Status == 409)
        {
            return false;
        }
    }

    private static Dictionary<string, string> Metadata(ValidationReport report, string? contentId, string? sentName)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ErrorsKey] = report.Errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [WarningsKey] = report.Warnings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // A content id is 64 hex digits; anything else is not written (metadata must be ASCII, and it is compared as is).
        if (contentId is { Length: 64 } && contentId.All(char.IsAsciiHexDigitLower)) metadata[ContentKey] = contentId;
        if (SentNames.ToMetadata(sentName) is { } sent) metadata[SentNames.MetadataKey] = sent;
        return metadata;
    }

    private static string Stem(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;
}
