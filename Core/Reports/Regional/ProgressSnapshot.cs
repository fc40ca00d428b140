using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>What the stores hold for one period: its submission history and each unit's current rows.</summary>
/// <param name="CurrentRows">Rows of each unit's current submission, by unit code; units without one are absent.</param>
public sealed record ProgressSnapshot(
    ReportingPeriod Period,
    PeriodSubmissions Submissions,
    IReadOnlyDictionary<string, IReadOnlyList<ProgressRow>> CurrentRows)
{
    public bool HasData => CurrentRows.Count > 0;
}
