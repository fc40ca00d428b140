using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// Reads a plan workbook (<c>plan import</c>, <c>plan publish</c>): the export's own or one written by hand in Excel
/// or LibreOffice. The file comes from someone's machine, so it is treated like an upload: the package guard first
/// (with a plan workbook's tighter limits, <see cref="PlanMatrixLayout"/>), then the bounded streaming read, never a
/// DOM and never ClosedXML. Every problem is listed by sheet and cell; nothing in the file raises an exception.
/// </summary>
public sealed class PlanMatrixImporter(ILogger<PackageInspector> guardLogger, ILogger<PlanMatrixImporter> logger)
{
    private readonly PackageInspector _guard = new(Options.Create(new IngestionOptions
    {
        MaxUploadBytes = PlanMatrixLayout.MaxFileBytes,
        MaxZipEntries = PlanMatrixLayout.MaxZipEntries,
        MaxUncompressedBytes = PlanMatrixLayout.MaxUncompressedBytes,
    }), guardLogger);

    /// <param name="source">The file's name, for messages.</param>
    public async Task<PlanImportResult> ImportAsync(Stream content, string source, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var inspection = await _guard.InspectAsync(content, language, ct);
        if (!inspection.Ok) return new PlanImportResult(source, null, inspection.Issues);

        var problems = new MatrixProblems(language);
        PlanDocument? document;
        try
        {
            document = PlanMatrixInterpreter.Interpret(MatrixWorkbookReader.Read(inspection.OpenRead()), problems);
        }
        catch (PartLimitException ex)
        {
            // A part past the streaming reader's size or depth bound: the same finding an upload gets.
            logger.LogInformation("Plan workbook {Source} stopped at a reading limit: {Reason}", source, ex.Message);
            var limit = ex.Limit == PartLimit.Size
                ? PackageIssues.PartTooLarge.Create(language, ex.Part, PackageInspector.Megabytes(ex.Bound))
                : PackageIssues.XmlTooDeep.Create(language, ex.Part, ex.Bound);
            return new PlanImportResult(source, null, [.. inspection.Issues, limit]);
        }
        // The package is untrusted and malformed parts throw many unrelated types (XmlException, InvalidDataException,
        // a part over its size or depth limit…): all mean
        // "cannot be read", which is a finding for the person, not a fault of this program.
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            logger.LogInformation(ex, "Plan workbook {Source} could not be read: {Reason}", source, ex.Message);
            return new PlanImportResult(source, null, [.. inspection.Issues, PlanIssues.WorkbookUnreadable.Create(language, ex.Message)]);
        }

        var issues = inspection.Issues.Concat(problems.ToList()).ToList();
        if (problems.HasErrors || document is null) return new PlanImportResult(source, null, issues);
        return PlanFileReader.Check(document, source, issues, language);
    }
}
