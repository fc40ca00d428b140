using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Findings;

/// <summary>
/// The outcome of validating one upload. Serialized as the JSON report that the CLI prints (<c>--json</c>),
/// <c>POST /api/validate</c> returns and rejected uploads leave in the reports container: keep the names stable.
/// </summary>
public sealed record ValidationReport
{
    [JsonPropertyName("accepted")]
    public bool Accepted => Errors.Count == 0;

    [JsonPropertyName("unit")]
    public string? Unit { get; init; }

    [JsonPropertyName("period")]
    public string? Period { get; init; }

    [JsonPropertyName("file")]
    public string? File { get; init; }

    [JsonPropertyName("language")]
    public string Language { get; init; } = "es";

    [JsonPropertyName("errors")]
    public IReadOnlyList<ValidationIssue> Errors { get; init; } = [];

    [JsonPropertyName("warnings")]
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    /// <summary>
    /// Findings kept per code: past it, one <c>MORE_FINDINGS</c> says how many more there were. With it every report is
    /// bounded whatever the sheet holds: the codes are a fixed catalogue and every message is short
    /// (<see cref="IssueText"/>), so a report has at most codes × (<see cref="MaxFindingsPerCode"/> + 1) findings.
    /// </summary>
    public const int MaxFindingsPerCode = 20;

    /// <summary>
    /// The report of <paramref name="issues"/>, at most <see cref="MaxFindingsPerCode"/> of each code; the
    /// <c>MORE_FINDINGS</c> of a code follows its last finding listed, so "what is listed above" is those.
    /// </summary>
    public static ValidationReport From(IEnumerable<ValidationIssue> issues, string language = "es")
    {
        var kept = new List<ValidationIssue>();
        var seen = new Dictionary<string, (int Count, IssueSeverity Severity, int LastKept)>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            // A MORE_FINDINGS already made (a report merged into another) is kept as it is.
            var (count, _, last) = seen.GetValueOrDefault(issue.Code);
            count++;
            if (count <= MaxFindingsPerCode || issue.Code == ReportIssues.MoreFindings.Code)
            {
                kept.Add(issue);
                last = kept.Count - 1;
            }
            seen[issue.Code] = (count, issue.Severity, last);
        }
        var lang = LanguageChoice.Of(language);
        foreach (var (code, (count, severity, last)) in seen.OrderByDescending(s => s.Value.LastKept))
        {
            if (count <= MaxFindingsPerCode || code == ReportIssues.MoreFindings.Code) continue;
            kept.Insert(last + 1, new ValidationIssue(ReportIssues.MoreFindings.Code, severity,
                ReportIssues.MoreFindings.Format(lang, count - MaxFindingsPerCode)) { MoreOf = code });
        }
        return new ValidationReport
        {
            Language = language,
            Errors = kept.Where(i => i.Severity == IssueSeverity.Error).ToList(),
            Warnings = kept.Where(i => i.Severity == IssueSeverity.Warning).ToList(),
        };
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
