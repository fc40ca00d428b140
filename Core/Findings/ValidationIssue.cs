using System.Text.Json.Serialization;

namespace ServerlessPlan.Core.Findings;

/// <summary>
/// One finding about an upload, as data: a stable <see cref="Code"/> scripts can rely on, a message in the unit's
/// language, and where it applies. Part of the JSON report contract — add fields, never rename them.
/// </summary>
public sealed record ValidationIssue(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] IssueSeverity Severity,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("sheet")] string? Sheet = null,
    [property: JsonPropertyName("cell")] string? Cell = null)
{
    /// <summary>The activity the issue is about, where there is one.</summary>
    [JsonPropertyName("activity")]
    public string? Activity { get; init; }

    /// <summary>
    /// On a <c>MORE_FINDINGS</c>, the code of the findings it stands for (the sentence never names a code); absent
    /// on every other finding.
    /// </summary>
    [JsonPropertyName("moreOf")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MoreOf { get; init; }
}
