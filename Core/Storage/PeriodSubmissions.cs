using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>One period's submission history and current pointers, across all units.</summary>
public sealed record PeriodSubmissions(ReportingPeriod Period, IReadOnlyList<SubmissionEntity> History, IReadOnlyList<CurrentPointerEntity> Pointers)
{
    public CurrentPointerEntity? PointerFor(string unit) => Pointers.FirstOrDefault(p => p.Unit == unit);

    public SubmissionEntity? CurrentFor(string unit) =>
        PointerFor(unit) is { } p ? History.FirstOrDefault(h => h.Unit == unit && h.RowKey == p.SubmissionId) : null;
}
