using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// A plan read from a workbook or a plan file: the catalog when it is valid (warnings allowed), and every finding.
/// </summary>
/// <param name="Source">What was read, for messages (the file name).</param>
public sealed record PlanImportResult(string Source, PlanCatalog? Catalog, IReadOnlyList<ValidationIssue> Issues)
{
    public bool Valid => Catalog is not null;

    public IReadOnlyList<ValidationIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();

    public IReadOnlyList<ValidationIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
}
