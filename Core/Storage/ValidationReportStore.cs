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

    /// <returns>The path of the JSON report, <c>reports/…</c>.</returns>
    public async Task<string> WriteAsync(UploadPath upload, ValidationReport report, byte[]? annotated, CancellationToken ct)
    {
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
                WriteJsonAsync(json, report, overwrite: true, ct),
                annotatedBlob.UploadAsync(new BinaryData(annotated), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = Xlsx.ContentType },
                }, ct));
        }
        else if (!await WriteJsonAsync(json, report, overwrite: false, ct))
        {
            // A report for an earlier file of this name exists: never leave its annotations beside the newer verdict.
            // (A first report for the name cannot have an annotated copy beside it, which saves the delete.)
            await Task.WhenAll(WriteJsonAsync(json, report, overwrite: true, ct), annotatedBlob.DeleteIfExistsAsync(cancellationToken: ct));
        }

        return PathOf(upload);
    }

    /// <returns>False when <paramref name="overwrite"/> is false and a report already exists (nothing written).</returns>
    private static async Task<bool> WriteJsonAsync(BlobClient blob, ValidationReport report, bool overwrite, CancellationToken ct)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromString(report.ToJson()), new BlobUploadOptions
            {
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

    private static string Stem(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;
}
