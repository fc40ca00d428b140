using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>
/// The plan's matrix filled from the units' sheets (<c>plan-report</c>, the trends page's download): for each year of
/// the plan, its programado and the regional ejecutado of the year's last reported quarter, each activity's figure the
/// progress page's own (<see cref="RegionalProgressCalculator"/>, reached through the trend series, never recomputed).
/// </summary>
/// <param name="Through">The last quarter read: the year asked for's fourth, or the calendar's quarter if earlier.</param>
/// <param name="At">When the figures were read (UTC).</param>
public sealed record FilledPlanMatrix(PlanCatalog Plan, ReportingPeriod Through, IReadOnlyList<PlanMatrixYear> Years, DateTimeOffset At)
{
    /// <summary>True when some year has an accepted sheet: otherwise there is nothing to fill the matrix with.</summary>
    public bool HasData => Years.Any(y => y.Basis is not null);

    /// <summary>The activity's figures for a year (null when the year has no reported quarter).</summary>
    public ActivityProgress? Ejecutado(PlanActivity activity, int year) =>
        Years.FirstOrDefault(y => y.Year == year)?.Basis?.Activity(activity.Code);

    /// <summary>
    /// Each year of the plan from the series: its last quarter with data up to <paramref name="through"/>, complete
    /// when that is the year's fourth and its deadline (<paramref name="deadlineOfQ4"/>) is before <paramref name="at"/>.
    /// </summary>
    public static FilledPlanMatrix Of(TrendSeries series, ReportingPeriod through, DateTimeOffset at, Func<ReportingPeriod, DateTimeOffset> deadlineOfQ4)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(deadlineOfQ4);
        var years = new List<PlanMatrixYear>();
        for (var year = series.Plan.FirstYear; year <= series.Plan.LastYear; year++)
        {
            var basis = series.Quarters.LastOrDefault(q => q.Period.Year == year && q.Period <= through && q.HasData);
            var q4 = new ReportingPeriod(year, 4);
            years.Add(new PlanMatrixYear(year, basis, basis?.Period == q4 && deadlineOfQ4(q4) <= at));
        }

        return new FilledPlanMatrix(series.Plan, through, years, at);
    }
}
