using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Core.Ingestion.Validation;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Where a country fetches the verdict on its upload: <c>reports/{unit}/{period}/{file}.validation.json</c> and, when
/// the file could be opened, <c>{file}.annotated.xlsx</c> with the offending cells highlighted and commented.
/// </summary>
public sealed class ValidationReportStore(BlobServiceClient blobs, StorageLayout layout)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(layout.Reports);
    private volatile bool _created;

    public static string JsonBlobName(UploadPath upload) => $"{upload.Unit}/{upload.Period}/{Stem(upload.FileName)}.validation.json";

    public static string AnnotatedBlobName(UploadPath upload) => $"{upload.Unit}/{upload.Period}/{Stem(upload.FileName)}.annotated.xlsx";

    /// <returns>The path of the JSON report, <c>reports/…</c>.</returns>
    public async Task<string> WriteAsync(UploadPath upload, ValidationReport report, byte[]? annotated, CancellationToken ct)
    {
        if (!_created)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
            _created = true;
        }

        var json = JsonBlobName(upload);
        await _container.GetBlobClient(json).UploadAsync(BinaryData.FromString(report.ToJson()), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, ct);

        var annotatedBlob = _container.GetBlobClient(AnnotatedBlobName(upload));
        if (annotated is not null)
            await annotatedBlob.UploadAsync(new BinaryData(annotated), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
            }, ct);
        else
            await annotatedBlob.DeleteIfExistsAsync(cancellationToken: ct); // never leave an older file's annotations beside a newer verdict

        return $"{layout.Reports}/{json}";
    }

    private static string Stem(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;
}
