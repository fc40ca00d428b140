using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan.Matrix;

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
    public PlanImportResult Import(Stream content, string source, Language language)
    {
        ArgumentNullException.ThrowIfNull(content);
        var inspection = _guard.Inspect(content, language);
        if (!inspection.Ok) return new PlanImportResult(source, null, inspection.Issues);

        var problems = new MatrixProblems(language);
        PlanDocument? document;
        try
        {
            document = PlanMatrixInterpreter.Interpret(MatrixWorkbookReader.Read(inspection.OpenRead()), problems);
        }
        // The package is untrusted and the Open XML SDK throws many unrelated types on malformed parts: all mean
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
