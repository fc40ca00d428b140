using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// One quarter of the package as the record stood at the package's instant: its plan, its submission history and current
/// pointers, and where each expected unit stands (timeliness, after a reopening) by the rules of the workbook.
/// </summary>
public sealed record PeriodRecord(
    PlanCatalog Plan,
    PeriodSubmissions Submissions,
    IReadOnlyList<UnitSubmissionStatus> Units,
    DateTimeOffset Deadline,
    DateTimeOffset? LocksAt)
{
    public ReportingPeriod Period => Submissions.Period;

    /// <summary>True when some unit has an accepted sheet: only then does the quarter have progress rows (as in <i>Datos</i>).</summary>
    public bool HasData => Submissions.Pointers.Count > 0;

    public UnitSubmissionStatus? StatusOf(string unit) =>
        Units.FirstOrDefault(u => string.Equals(u.Unit.Code, unit, StringComparison.OrdinalIgnoreCase));
}
