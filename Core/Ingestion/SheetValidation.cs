using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>The validator's verdict: the report, and for an accepted sheet the values to merge.</summary>
public sealed record SheetValidation(
    ValidationReport Report,
    ReportingUnit? Unit,
    ReportingPeriod? Period,
    IReadOnlyList<ReportedActivity> Activities,
    string? FocalName,
    string? FocalEmail);
