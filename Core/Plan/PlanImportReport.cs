using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// <c>plan import --json</c>: whether the plan is valid, a summary of it when it is, and every finding in the shape of
/// the upload validation report's (<c>code</c>, <c>severity</c>, <c>sheet</c>, <c>cell</c>, <c>activity</c>,
/// <c>message</c>). A contract for scripts (README "CLI"): add members, never rename them.
/// </summary>
public sealed record PlanImportReport
{
    [JsonPropertyName("valid")]
    public bool Valid { get; init; }

    [JsonPropertyName("file")]
    public string File { get; init; } = "";

    [JsonPropertyName("language")]
    public string Language { get; init; } = LanguageCodes.ToCode(Localization.Language.Es);

    /// <summary>Null when the plan is not valid.</summary>
    [JsonPropertyName("plan")]
    public PlanSummary? Plan { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<ValidationIssue> Errors { get; init; } = [];

    [JsonPropertyName("warnings")]
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    public static PlanImportReport From(PlanImportResult result, Language language) => new()
    {
        Valid = result.Valid,
        File = result.Source,
        Language = language.ToCode(),
        Plan = result.Catalog is { } catalog ? PlanSummary.Of(catalog) : null,
        Errors = result.Errors,
        Warnings = result.Warnings,
    };

    public string ToJson() => JsonSerializer.Serialize(this, ValidationReport.JsonOptions);
}

/// <summary>What a plan is, in a line: id, titles, years, how many of each level, and the hash of its canonical file.</summary>
public sealed record PlanSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] PlanTitle Title,
    [property: JsonPropertyName("firstYear")] int FirstYear,
    [property: JsonPropertyName("lastYear")] int LastYear,
    [property: JsonPropertyName("axes")] int Axes,
    [property: JsonPropertyName("strategicObjectives")] int StrategicObjectives,
    [property: JsonPropertyName("operationalObjectives")] int OperationalObjectives,
    [property: JsonPropertyName("activities")] int Activities,
    [property: JsonPropertyName("sha256")] string Sha256)
{
    public static PlanSummary Of(PlanCatalog catalog)
    {
        var strategic = catalog.Axes.SelectMany(a => a.StrategicObjectives).ToList();
        return new PlanSummary(catalog.Id, new PlanTitle(catalog.Title.Es, catalog.Title.En), catalog.FirstYear, catalog.LastYear,
            catalog.Axes.Count, strategic.Count, strategic.Sum(s => s.OperationalObjectives.Count), catalog.Activities.Count,
            PlanDocumentWriter.Sha256(catalog));
    }

    /// <summary>"2023-2025 (2023–2025): 4 axes, 6 strategic and 10 operational objectives, 21 activities".</summary>
    public override string ToString() =>
        $"{Id} ({FirstYear}–{LastYear}): {Axes} axes, {StrategicObjectives} strategic and {OperationalObjectives} operational objectives, {Activities} activities";
}

public sealed record PlanTitle([property: JsonPropertyName("es")] string Es, [property: JsonPropertyName("en")] string En);
