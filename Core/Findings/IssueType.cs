using System.Globalization;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Findings;

/// <summary>
/// A kind of finding: its stable code and its message in Spanish and English, with <c>{0}</c>-style placeholders.
/// Each area declares its kinds as static fields (see <c>PackageIssues</c>, <c>SheetIssues</c>), so every message a
/// focal point can see is listed in one place per area and unit-tested.
/// </summary>
public sealed class IssueType(string code, IssueSeverity severity, string es, string en)
{
    public string Code { get; } = code;
    public IssueSeverity Severity { get; } = severity;
    public LocalizedText Template { get; } = new(es, en);

    /// <summary>The message with its placeholders filled; every string argument is a quoted value (<see cref="IssueText"/>).</summary>
    public string Format(Language language, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Template.In(language), args.Select(a => a is string s ? IssueText.Quote(s) : a).ToArray());

    /// <summary>A finding not tied to a cell. For one that is, see <see cref="IssueLocation.At"/>.</summary>
    public ValidationIssue Create(Language language, params object?[] args) => new(Code, Severity, Format(language, args));
}
