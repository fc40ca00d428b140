namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// Aggregate figures over a set of activities (an axis or the whole plan), computed over the activities with a
/// programado &gt; 0 for the year that have a regional value. Full precision: round only when displaying.
/// </summary>
/// <param name="MeanEjecutado">Mean regional ejecutado; null when no planned activity has a value.</param>
/// <param name="MeanProgramado">Mean programado of the same activities.</param>
/// <param name="ActivitiesReported">m: planned activities that have a regional value.</param>
/// <param name="ActivitiesPlanned">M: activities with a programado &gt; 0 for the year.</param>
public sealed record ProgressFigures(double? MeanEjecutado, double? MeanProgramado, int ActivitiesReported, int ActivitiesPlanned)
{
    /// <summary>Mean ejecutado ÷ mean programado × 100.</summary>
    public double? Execution => MeanEjecutado is { } e && MeanProgramado is { } p && p > 0 ? e / p * 100 : null;

    public string Coverage => $"{ActivitiesReported} de {ActivitiesPlanned}";

    public static ProgressFigures Over(IEnumerable<ActivityProgress> activities)
    {
        var planned = activities.Where(a => a.IsPlanned).ToList();
        var counted = planned.Where(a => a.RegionalEjecutado is not null).ToList();
        return counted.Count == 0
            ? new ProgressFigures(null, null, 0, planned.Count)
            : new ProgressFigures(
                counted.Average(a => a.RegionalEjecutado!.Value),
                counted.Average(a => a.Programado!.Value),
                counted.Count,
                planned.Count);
    }
}
