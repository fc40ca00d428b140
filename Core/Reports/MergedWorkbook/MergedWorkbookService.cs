using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The one call the CLI verbs, the HTTP download and the digest share: choose the period when none is named, load it,
/// compute it, write the workbook — all against the plan in force for the period and the units that were members then,
/// so a report never mixes plans.
/// </summary>
public sealed class MergedWorkbookService(
    ProgressSnapshotLoader loader,
    RegionalProgressCalculator calculator,
    MergedWorkbookWriter writer,
    PlanRegistry plans,
    ReportingUnits units,
    ReportingCalendar calendar,
    IOptions<ReportingOptions> options,
    IOptions<DigestOptions> digest,
    TrendService trends)
{
    /// <summary>
    /// The quarter reports are about when nobody names one: <c>Digest__Period</c> (last due, or in progress) by the
    /// reporting calendar at <paramref name="at"/> (default now). It may lie outside the plan: check <see cref="InPlan"/>.
    /// </summary>
    public ReportingPeriod DefaultPeriod(DateTimeOffset? at = null) => calendar.Reported(digest.Value.Period, at);

    public bool InPlan(ReportingPeriod period) => calendar.InPlan(period);

    /// <summary>The period's regional figures, without writing a workbook (the digest's entry point).</summary>
    /// <param name="asOf">The instant to rebuild the record at (see <see cref="WriteAsync"/>); null: as stored now.</param>
    /// <exception cref="PeriodOutsidePlanException">No plan in force covers the period (check <see cref="InPlan"/>).</exception>
    public async Task<(RegionalProgress Progress, ProgressSnapshot Snapshot)> CalculateAsync(ReportingPeriod period, CancellationToken ct,
        DateTimeOffset? asOf = null) =>
        await CalculateAsync(plans.For(period), period, asOf, ct);

    /// <summary>
    /// Writes the workbook for <paramref name="period"/>; null (nothing written) when the period has no accepted
    /// submission, which is always the case of a period no plan in force covers (ingestion refuses it).
    /// </summary>
    /// <param name="asOf">
    /// Rebuilds exactly what was current at that instant — each unit's latest accepted arrival at or before it, every
    /// quarter of the workbook alike (docs/follow-up.md, "The record as of any date") — instead of the record as stored
    /// now: <c>workbook --as-of</c>, and the portal's download with a date. Null (nothing as of that instant) when no
    /// accepted sheet had arrived by then.
    /// </param>
    public async Task<WorkbookSummary?> WriteAsync(ReportingPeriod period, Stream output, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        if (plans.Find(period) is not { } catalog) return null;
        var (progress, snapshot) = await CalculateAsync(catalog, period, asOf, ct);
        if (!snapshot.HasData) return null;
        // The plan's quarters up to this one, as the trends page computes them (as of the same instant).
        var range = TrendRange.Of(catalog, period, new ReportingPeriod(catalog.FirstYear, 1), period);
        var trend = asOf is null ? await trends.GetAsync(range, ct) : await trends.ComputeAsync(range, ct, asOf);
        return await writer.WriteAsync(output, catalog, units.At(period), progress, snapshot.Submissions,
            loader.LoadTidyRowsAsync(catalog, period, ct, asOf), ct, snapshot.Locks, trend.Quarters);
    }

    private async Task<(RegionalProgress Progress, ProgressSnapshot Snapshot)> CalculateAsync(PlanCatalog catalog, ReportingPeriod period,
        DateTimeOffset? asOf, CancellationToken ct)
    {
        var (current, previous) = await loader.LoadWithPreviousAsync(period, ct, asOf);
        return (calculator.Calculate(catalog, units.At(period), current, previous, options.Value), current);
    }

    /// <summary><c>consolidado-2021-Q3-al-20211101T1201Z.xlsx</c>: the file name of the record as of an instant.</summary>
    public static string FileName(ReportingPeriod period, DateTimeOffset asOf) =>
        $"consolidado-{period}-al-{asOf.UtcDateTime:yyyyMMdd'T'HHmm}Z.xlsx";

    public static string FileName(ReportingPeriod period) => $"consolidado-{period}.xlsx";
}
