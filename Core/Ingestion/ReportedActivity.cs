using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// One activity's values from an accepted sheet, checked and typed: what gets merged. Every activity the unit reports
/// has one, blank values included (blank = not reported, which is not 0).
/// </summary>
public sealed record ReportedActivity(
    string Code,
    decimal? Programado,
    decimal? Ejecutado,
    ActivityStatus? Status,
    decimal? Quantity,
    string? Observaciones,
    string? Evidencia);
