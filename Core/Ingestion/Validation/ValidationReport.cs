using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessPlan.Core.Ingestion.Validation;

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

    public static ValidationReport From(IEnumerable<ValidationIssue> issues, string language = "es")
    {
        var list = issues.ToList();
        return new ValidationReport
        {
            Language = language,
            Errors = list.Where(i => i.Severity == IssueSeverity.Error).ToList(),
            Warnings = list.Where(i => i.Severity == IssueSeverity.Warning).ToList(),
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
