using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// The region's progress for one period, computed by <see cref="RegionalProgressCalculator"/> under the rules in
/// <c>docs/regional-progress.md</c> (also printed in the workbook's summary sheet, <see cref="RegionalProgressRules"/>).
/// </summary>
/// <param name="ComparedWith">The previous period the deltas are against; null when it is in another year (ejecutado is year-to-date).</param>
/// <param name="Deadline">Uploads at or after this instant are late: the quarter's end plus <c>Reports:DeadlineDays</c>.</param>
public sealed record RegionalProgress(
    ReportingPeriod Period,
    ReportingPeriod? ComparedWith,
    DateTimeOffset Deadline,
    IReadOnlyList<ActivityProgress> Activities,
    IReadOnlyList<AxisProgress> Axes,
    ProgressFigures Overall,
    IReadOnlyList<UnitSubmissionStatus> Units)
{
    /// <summary>Units expected this period: those that report at least one activity of the plan.</summary>
    public int UnitsExpected => Units.Count;

    public int UnitsReported => Units.Count(u => u.HasReported);

    public int Count(SubmissionTimeliness timeliness) => Units.Count(u => u.Timeliness == timeliness);
}
