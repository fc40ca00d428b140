using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>One unit in one quarter: its timeliness and its own execution (<see cref="RegionalProgressCalculator.UnitFigures"/>).</summary>
/// <param name="Figures">Its figures over its own part of the plan; null when it reports nothing of the plan.</param>
public sealed record UnitQuarterPoint(ReportingUnit Unit, SubmissionTimeliness Timeliness, ProgressFigures? Figures,
    int ActivitiesReported, int ActivitiesExpected)
{
    public bool HasReported => Timeliness is SubmissionTimeliness.OnTime or SubmissionTimeliness.Late;
}
