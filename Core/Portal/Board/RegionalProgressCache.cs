using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>
/// A period's regional figures, computed once per set of current submissions: the figures depend only on the rows
/// the current pointers name (the period's, and the previous quarter's of the same year for the changes), the plan in
/// force for the period and who was a member, so those are the key. Reading the pointers is one small range query; a
/// changed pointer or a newly published version of the plan is a new key, computed afresh.
/// Kept in memory, a few periods at most: it is a cache, every instance fills its own.
/// </summary>
public sealed class RegionalProgressCache(SubmissionStore submissions, MergedWorkbookService workbooks, PlanRegistry plans, ReportingUnits units)
{
    private const int MaxEntries = 16;
    private readonly Dictionary<string, RegionalProgress> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public async Task<RegionalProgress> GetAsync(ReportingPeriod period, CancellationToken ct)
    {
        var key = await KeyAsync(period, ct);
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out var cached)) return cached;
        }

        var (progress, _) = await workbooks.CalculateAsync(period, ct);
        lock (_entries)
        {
            if (_entries.TryAdd(key, progress))
            {
                _order.Enqueue(key);
                while (_order.Count > MaxEntries) _entries.Remove(_order.Dequeue());
            }
        }
        return progress;
    }

    private async Task<string> KeyAsync(ReportingPeriod period, CancellationToken ct)
    {
        var from = period.Previous.Year == period.Year ? period.Previous : period;
        var pointers = await submissions.ListPointersAsync(from, period, ct);
        return PointerKey.Of(pointers.GroupBy(p => p.Period, StringComparer.Ordinal)
            .Select(g => (ReportingPeriod.Parse(g.Key), (IReadOnlyList<CurrentPointerEntity>)g.ToList())), PointerKey.Context(plans, units, period));
    }
}
