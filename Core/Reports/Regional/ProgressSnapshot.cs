using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// What the stores hold for one period: its submission history and each unit's current rows — as they are now, or as
/// they were at <see cref="AsOf"/> — and the units' lock states (reopenings), so figures can say which sheets came in
/// after the quarter locked.
/// </summary>
/// <param name="CurrentRows">Rows of each unit's current submission, by unit code; units without one are absent.</param>
public sealed record ProgressSnapshot(
    ReportingPeriod Period,
    PeriodSubmissions Submissions,
    IReadOnlyDictionary<string, IReadOnlyList<ProgressRow>> CurrentRows)
{
    public bool HasData => CurrentRows.Count > 0;

    /// <summary>The instant the record was rebuilt at (<c>workbook --as-of</c>); null: as stored now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Each unit's lock state as known at <see cref="AsOf"/> (or now); empty when the quarter had not locked by then.</summary>
    public IReadOnlyList<PeriodLockState> Locks { get; init; } = [];
}
