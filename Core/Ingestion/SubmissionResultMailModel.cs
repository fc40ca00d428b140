using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// What the result mail says, in the unit's language, already worded: the HTML part
/// (<see cref="SubmissionResultMailBody"/>) and the plain-text part are both written from it.
/// </summary>
/// <param name="Issues">The findings listed (warnings of an accepted sheet; errors then warnings of a rejected one).</param>
/// <param name="ListTitle">"Errores" / "Advertencias": the heading of <paramref name="Issues"/>.</param>
/// <param name="Lines">The sentences after the findings, in order, each with the portal's address when it ends in one.</param>
public sealed record SubmissionResultMailModel(
    string Subject, string Headline, ValidationReport Report, IReadOnlyList<ValidationIssue> Issues, string ListTitle, string? More,
    IReadOnlyList<(string Text, string? Url)> Lines);
