using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// The guard in front of the spreadsheet parser: rejects empty, oversized, non-workbook, legacy, encrypted, corrupt,
/// macro-enabled and hostile (zip bomb, DTD) uploads before any library opens them — in bounded time and memory:
/// at most <see cref="IngestionOptions.MaxUploadBytes"/> is read and kept, and inflation stops at
/// <see cref="IngestionOptions.MaxUncompressedBytes"/>.
/// </summary>
public sealed class PackageInspector(IOptions<IngestionOptions> options, ILogger<PackageInspector> logger)
{
    private readonly IngestionOptions _options = options.Value;

    /// <summary>Reads <paramref name="content"/> (seekable or not, from its current position) and inspects it.</summary>
    /// <param name="declaredLength">The size the sender declares, when known: above the cap nothing is read.</param>
    public async Task<PackageInspection> InspectAsync(Stream content, Language language, CancellationToken ct, long? declaredLength = null) =>
        Inspect(await ReadAsync(content, declaredLength, ct), language);

    /// <summary>
    /// The guard's buffering alone (at most <see cref="IngestionOptions.MaxUploadBytes"/>), for a caller that must
    /// answer differently when the upload is too large (an HTTP 413) before it is inspected.
    /// </summary>
    public Task<UploadBuffer> ReadAsync(Stream content, long? declaredLength, CancellationToken ct) =>
        UploadBuffer.ReadAsync(content, _options.MaxUploadBytes, declaredLength, ct);

    /// <summary>Inspects an upload <see cref="ReadAsync"/> buffered.</summary>
    public PackageInspection Inspect(UploadBuffer upload, Language language)
    {
        if (upload.TooLarge)
        {
            return Reject(upload, null, PackageIssues.FileTooLarge.Create(language, Megabytes(_options.MaxUploadBytes)));
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Buffer.AsSpan(0, upload.Length)));
        var issues = Check(upload, language);
        return issues.Any(i => i.Severity == IssueSeverity.Error)
            ? Reject(upload, sha256, [.. issues])
            : new PackageInspection(issues, upload.Buffer, upload.Length, upload.BytesRead, sha256);
    }

    private IReadOnlyList<ValidationIssue> Check(UploadBuffer upload, Language language)
    {
        var bytes = upload.Buffer.AsSpan(0, upload.Length);
        if (bytes.IsEmpty)
        {
            return [PackageIssues.FileEmpty.Create(language)];
        }

        if (bytes.StartsWith(CompoundFileDirectory.Signature))
        {
            return [InspectCompoundFile(bytes, language)];
        }

        if (!ZipPackageScanner.HasZipSignature(bytes))
        {
            return [PackageIssues.NotAWorkbook.Create(language, new OwnText(ContentSniffer.Describe(bytes).In(language)))];
        }

        return new ZipPackageScanner(_options, language).Scan(upload.Buffer, upload.Length);
    }

    /// <summary>
    /// An OLE container is never acceptable; the question is only which advice to give. When its directory cannot be
    /// followed, a bounded scan for the UTF-16 name <c>EncryptedPackage</c> over the (capped) buffer decides instead.
    /// </summary>
    private static ValidationIssue InspectCompoundFile(ReadOnlySpan<byte> bytes, Language language)
    {
        var names = CompoundFileDirectory.TryReadNames(bytes);
        bool encrypted;
        if (names is null)
        {
            encrypted = bytes.IndexOf("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"u8) >= 0;
        }
        else
        {
            encrypted = names.Any(n => n.Equals("EncryptedPackage", StringComparison.OrdinalIgnoreCase)
                || n.Equals("EncryptionInfo", StringComparison.OrdinalIgnoreCase));
            // BIFF8 workbooks name their stream "Workbook", BIFF5 ones "Book".
            var workbook = names.Any(n => n.Equals("Workbook", StringComparison.OrdinalIgnoreCase)
                || n.Equals("Book", StringComparison.OrdinalIgnoreCase));
            if (!encrypted && !workbook)
            {
                return PackageIssues.NotAWorkbook.Create(language, new OwnText(ContentHints.OtherOfficeDocument.In(language)));
            }
        }

        return encrypted ? PackageIssues.PasswordProtected.Create(language) : PackageIssues.LegacyXls.Create(language);
    }

    private PackageInspection Reject(UploadBuffer upload, string? sha256, params ValidationIssue[] issues)
    {
        logger.LogInformation(
            "Upload rejected before parsing: {Codes} ({Bytes} bytes, sha256 {Sha256})",
            string.Join(",", issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Code)), upload.BytesRead, sha256);

        // The rejected content is not kept: nothing downstream may parse it.
        return new PackageInspection(issues, [], 0, upload.BytesRead, sha256);
    }

    /// <summary>A size for a message: whole or one-decimal megabytes (MiB, which is what Windows shows as MB).</summary>
    internal static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
