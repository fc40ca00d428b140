using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// A plan's trend over a range of quarters, computed once per set of current submissions: the points depend only on
/// the rows the current pointers name (every quarter of the range, and the one before it in the same year for the
/// first change), the plan and who was a member, so those are the key — one small range query decides whether the
/// cached series still holds. Kept in memory, a few ranges at most: every instance fills its own.
/// </summary>
public sealed class TrendService(
    SubmissionStore submissions,
    ProgressSnapshotLoader loader,
    TrendCalculator calculator,
    PlanRegistry plans,
    ReportingUnits units,
    IOptions<ReportingOptions> options,
    ILogger<TrendService> logger)
{
    private const int MaxEntries = 16;
    private readonly Dictionary<string, TrendSeries> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public async Task<TrendSeries> GetAsync(TrendRange range, CancellationToken ct)
    {
        var loadFrom = LoadFrom(range);
        var pointers = await submissions.ListPointersAsync(loadFrom, range.To, ct);
        var key = PointerKey.Of(
            pointers.GroupBy(p => p.Period, StringComparer.Ordinal).Select(g => (ReportingPeriod.Parse(g.Key), (IReadOnlyList<CurrentPointerEntity>)g.ToList())),
            $"{range.Plan.Id}|{range.From}|{range.To}|{PointerKey.Context(plans, units, range.To)}");
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out var cached)) return cached;
        }

        var series = await ComputeAsync(range, ct);
        lock (_entries)
        {
            if (_entries.TryAdd(key, series))
            {
                _order.Enqueue(key);
                while (_order.Count > MaxEntries) _entries.Remove(_order.Dequeue());
            }
        }

        return series;
    }

    /// <summary>The series read afresh from storage, without the cache (the bench's first computation, the workbook as of an instant).</summary>
    /// <param name="asOf">The instant to rebuild every quarter's record at (<c>workbook --as-of</c>); null: as stored now.</param>
    public async Task<TrendSeries> ComputeAsync(TrendRange range, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        var snapshots = new List<ProgressSnapshot>();
        for (var period = LoadFrom(range); period <= range.To; period = period.Next)
            snapshots.Add(asOf is null ? await loader.LoadValuesAsync(period, ct) : await loader.LoadAsync(period, ct, asOf));
        logger.LogInformation("Computed the trend of {Plan} from {From} to {To} over {Quarters} quarters", range.Plan.Id, range.From, range.To, snapshots.Count);
        return calculator.Calculate(range.Plan, units, snapshots, range.From, range.To, options.Value);
    }

    /// <summary>The quarter before the range when it is in the same year (its values give the first like-for-like change).</summary>
    private static ReportingPeriod LoadFrom(TrendRange range) =>
        range.From.Quarter > 1 && range.Plan.ContainsYear(range.From.Year) ? range.From.Previous : range.From;
}
