using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Presentation;

/// <summary>
/// One finding as the table of findings shows it: whether it stops the report, where it is, and the message without
/// the "Sheet …, cell … (activity …):" it starts with (the table's columns already say where).
/// </summary>
/// <param name="Id">The row's anchor on a page (<c>issue-1</c>, <c>warning-1</c>: what the error summary links to).</param>
public sealed record FindingRow(string Id, bool Error, string? Sheet, string? Cell, string? Activity, string Message, string Code)
{
    /// <summary>Every finding of <paramref name="report"/>: errors first, then warnings.</summary>
    public static IReadOnlyList<FindingRow> Of(ValidationReport report)
    {
        var language = LanguageChoice.Of(report.Language);
        return
        [
            .. report.Errors.Select((e, i) => Of(e, $"issue-{i + 1}", error: true, language)),
            .. report.Warnings.Select((w, i) => Of(w, $"warning-{i + 1}", error: false, language)),
        ];
    }

    private static FindingRow Of(ValidationIssue issue, string id, bool error, Language language) =>
        new(id, error, issue.Sheet, issue.Cell, issue.Activity, WithoutLocation(issue, language), issue.Code);

    private static string WithoutLocation(ValidationIssue issue, Language language) => IssueLocation.Sentence(issue, language);
}
