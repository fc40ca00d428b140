using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>The same unit's previous accepted quarter of the same year: ejecutado per activity, for the decrease warning.</summary>
public sealed record PreviousProgress(ReportingPeriod Period, IReadOnlyDictionary<string, decimal> Ejecutado);
