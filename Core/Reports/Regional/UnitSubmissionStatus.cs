using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>Where a unit stands for a period: timeliness, upload dates, its current file and how much of its part it filled.</summary>
/// <param name="FirstAcceptedAt">Upload time of its first accepted sheet: what timeliness is judged on.</param>
/// <param name="CurrentUploadedAt">Upload time of the sheet whose values are in the figures.</param>
/// <param name="LastUploadAt">Latest upload of any outcome, including rejected ones.</param>
/// <param name="ActivitiesReported">Activities it is expected to report (see <paramref name="ActivitiesExpected"/>) for which its current sheet gives a number.</param>
/// <param name="ActivitiesExpected">
/// Activities it is expected to report: those of its part (national, regional, shared) with a programado &gt; 0 for the
/// year, less those its current sheet marks "no aplica".
/// </param>
public sealed record UnitSubmissionStatus(
    ReportingUnit Unit,
    SubmissionTimeliness Timeliness,
    DateTimeOffset? FirstAcceptedAt,
    DateTimeOffset? CurrentUploadedAt,
    DateTimeOffset? LastUploadAt,
    int Uploads,
    int RejectedUploads,
    string? CurrentSubmissionId,
    string? CurrentFileName,
    int ActivitiesReported,
    int ActivitiesExpected)
{
    /// <summary>Activities of its part programmed for the year that its current sheet marks "no aplica" (outside both counts).</summary>
    public int ActivitiesNotApplicable { get; init; }

    public bool HasReported => CurrentSubmissionId is not null;

    /// <summary>The unit's dates for the quarter, on its clock: its timeliness is judged against <see cref="QuarterDates.Deadline"/>.</summary>
    public required QuarterDates Dates { get; init; }

    /// <summary>
    /// True when the sheet in the figures arrived at or after the quarter's automatic lock (deadline +
    /// <c>Reports__LockGraceDays</c>): it was accepted only because the ST reopened the quarter for the unit.
    /// </summary>
    public bool ReceivedAfterLock { get; init; }

    /// <summary>The reopening that sheet came in through (who, when, why), when it is known.</summary>
    public ReopenWindow? AdmittedBy { get; init; }
}
