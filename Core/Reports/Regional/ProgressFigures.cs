namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// Aggregate figures over a set of activities (an axis or the whole plan). Two readings of the same data, always
/// shown together when anything is missing:
/// <list type="bullet">
/// <item>over what was reported: the planned activities (programado &gt; 0, applicable to someone) that have a
/// regional value — <see cref="MeanEjecutado"/>, <see cref="MeanProgramado"/>, <see cref="Execution"/>;</item>
/// <item>the lower bound: every planned activity, each expected unit that gave no number counted as no progress —
/// <see cref="LowerBoundEjecutado"/>, <see cref="PlannedMeanProgramado"/>, <see cref="LowerBoundExecution"/>.</item>
/// </list>
/// Full precision: round only when displaying.
/// </summary>
/// <param name="MeanEjecutado">Mean regional ejecutado; null when no planned activity has a value.</param>
/// <param name="MeanProgramado">Mean programado of the same activities.</param>
/// <param name="ActivitiesReported">m: planned activities that have a regional value.</param>
/// <param name="ActivitiesPlanned">M: planned activities (programado &gt; 0 for the year, applicable to at least one unit).</param>
public sealed record ProgressFigures(double? MeanEjecutado, double? MeanProgramado, int ActivitiesReported, int ActivitiesPlanned)
{
    /// <summary>Mean over every planned activity of its <see cref="ActivityProgress.LowerBound"/>; null when nothing is planned.</summary>
    public double? LowerBoundEjecutado { get; init; }

    /// <summary>Mean programado over every planned activity (the lower bound's denominator).</summary>
    public double? PlannedMeanProgramado { get; init; }

    /// <summary>Unit values that entered the figures (Σ k over the planned activities).</summary>
    public int ValuesReported { get; init; }

    /// <summary>Unit values expected (Σ n over the planned activities).</summary>
    public int ValuesExpected { get; init; }

    /// <summary>Distinct units that gave at least one number for a planned activity.</summary>
    public int UnitsReporting { get; init; }

    /// <summary>Distinct units expected to report at least one planned activity.</summary>
    public int UnitsExpected { get; init; }

    /// <summary>Activities programmed for the year that every unit marked "no aplica": outside M.</summary>
    public int ActivitiesNotApplicable { get; init; }

    /// <summary>Mean ejecutado ÷ mean programado × 100, over the activities that have a value.</summary>
    public double? Execution => MeanEjecutado is { } e && MeanProgramado is { } p && p > 0 ? e / p * 100 : null;

    /// <summary>The lower bound of <see cref="Execution"/>: every missing unit value counted as 0, over all planned activities.</summary>
    public double? LowerBoundExecution =>
        LowerBoundEjecutado is { } e && PlannedMeanProgramado is { } p && p > 0 ? e / p * 100 : null;

    /// <summary>True when some expected unit value is missing, so the figure over reporters is not the whole picture.</summary>
    public bool IsPartial => ValuesReported < ValuesExpected;

    public string Coverage => $"{ActivitiesReported} de {ActivitiesPlanned}";

    public static ProgressFigures Over(IEnumerable<ActivityProgress> activities)
    {
        var all = activities.ToList();
        var planned = all.Where(a => a.IsPlanned).ToList();
        var counted = planned.Where(a => a.RegionalEjecutado is not null).ToList();
        var notApplicable = all.Count(a => a.IsProgrammed && a.IsNotApplicableToAll);
        var expectedUnits = planned.SelectMany(a => a.Units.Where(u => !u.IsNotApplicable)).Select(u => u.UnitCode)
            .Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var reportingUnits = planned.SelectMany(a => a.Units.Where(u => u.Counts)).Select(u => u.UnitCode)
            .Distinct(StringComparer.OrdinalIgnoreCase).Count();

        return new ProgressFigures(
            counted.Count == 0 ? null : counted.Average(a => a.RegionalEjecutado!.Value),
            counted.Count == 0 ? null : counted.Average(a => a.Programado!.Value),
            counted.Count,
            planned.Count)
        {
            LowerBoundEjecutado = planned.Count == 0 ? null : planned.Average(a => a.LowerBound ?? 0),
            PlannedMeanProgramado = planned.Count == 0 ? null : planned.Average(a => a.Programado!.Value),
            ValuesReported = planned.Sum(a => a.Reporting),
            ValuesExpected = planned.Sum(a => a.Expected),
            UnitsReporting = reportingUnits,
            UnitsExpected = expectedUnits,
            ActivitiesNotApplicable = notApplicable,
        };
    }
}
