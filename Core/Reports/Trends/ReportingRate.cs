using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// A quarter's reporting rate (DHIS2's view): of the units expected, how many sent an accepted sheet on time, late,
/// only rejected ones, or nothing — each unit's <see cref="SubmissionTimeliness"/> as the board and the workbook judge it.
/// </summary>
public sealed record ReportingRate(ReportingPeriod Period, int OnTime, int Late, int RejectedOnly, int Missing)
{
    public int Expected => OnTime + Late + RejectedOnly + Missing;

    /// <summary>Units whose sheet is in the figures (on time or late).</summary>
    public int Reported => OnTime + Late;

    public int Count(SubmissionTimeliness timeliness) => timeliness switch
    {
        SubmissionTimeliness.OnTime => OnTime,
        SubmissionTimeliness.Late => Late,
        SubmissionTimeliness.RejectedOnly => RejectedOnly,
        _ => Missing,
    };

    public static ReportingRate Of(RegionalProgress progress) => new(progress.Period,
        progress.Count(SubmissionTimeliness.OnTime), progress.Count(SubmissionTimeliness.Late),
        progress.Count(SubmissionTimeliness.RejectedOnly), progress.Count(SubmissionTimeliness.Missing));
}
