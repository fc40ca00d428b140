using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// Reads a plan from a file for <c>plan import</c> and <c>plan publish</c>: a plan file (<c>.json</c>, the loader's
/// format) or a plan workbook (anything else, judged by <see cref="PlanMatrixImporter"/>). Both end in the same
/// checks, the plan loader's, so what is accepted from one is accepted from the other.
/// </summary>
public sealed class PlanFileReader(PlanMatrixImporter importer)
{
    /// <summary>A plan file is a few tens of KB; this bounds what a wrong file can make the reader hold.</summary>
    public const long MaxJsonBytes = PlanJson.MaxFileBytes;

    public async Task<PlanImportResult> ReadAsync(string path, Language language, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        await using var stream = File.OpenRead(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ReadJson(stream, name, language)
            : await importer.ImportAsync(stream, name, language, ct);
    }

    public static PlanImportResult ReadJson(Stream stream, string source, Language language)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxJsonBytes)
            return new PlanImportResult(source, null, [PlanIssues.Invalid.Create(language, $"the file is larger than {MaxJsonBytes / 1024 / 1024} MiB")]);
        try
        {
            var document = PlanJson.Deserialize<PlanDocument>(stream, $"plan file '{source}'");
            return Check(document, source, [], language);
        }
        catch (PlanFormatException ex)
        {
            return Rejected(source, [], ex, language);
        }
    }

    /// <summary>The loader's own checks over a document, as findings.</summary>
    internal static PlanImportResult Check(PlanDocument document, string source, IReadOnlyList<ValidationIssue> issues, Language language)
    {
        try
        {
            return new PlanImportResult(source, PlanDocumentReader.Read(document, $"plan '{source}'"), issues);
        }
        catch (PlanFormatException ex)
        {
            return Rejected(source, issues, ex, language);
        }
    }

    private static PlanImportResult Rejected(string source, IReadOnlyList<ValidationIssue> issues, PlanFormatException ex, Language language) =>
        new(source, null, [.. issues, .. ex.Errors.Select(e => PlanIssues.Invalid.Create(language, e))]);
}
