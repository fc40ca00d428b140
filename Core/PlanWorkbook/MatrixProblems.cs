using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// The findings of one import, in the reader's language, capped at <see cref="PlanMatrixLayout.MaxProblems"/>: past
/// the cap they are counted, and one last finding says how many more there were.
/// </summary>
internal sealed class MatrixProblems(Language language)
{
    private readonly List<ValidationIssue> _issues = [];
    private int _dropped;

    public Language Language { get; } = language;

    public bool HasErrors { get; private set; }

    public void Add(IssueType type, string? sheet, string? cell, string? activity, params object?[] args)
    {
        HasErrors |= type.Severity == IssueSeverity.Error;
        if (_issues.Count >= PlanMatrixLayout.MaxProblems)
        {
            _dropped++;
            return;
        }
        _issues.Add(type.At(Language, sheet, cell, activity, args));
    }

    public void AddAt(IssueType type, string sheet, int row, int column, string? activity, params object?[] args) =>
        Add(type, sheet, CellReferences.Address(row, column), activity, args);

    public IReadOnlyList<ValidationIssue> ToList() =>
        _dropped == 0 ? _issues.ToList() : [.. _issues, PlanIssues.TooManyProblems.Create(Language, _dropped)];
}
