using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.Regional;

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
    IOptions<DigestOptions> digest)
{
    /// <summary>
    /// The quarter reports are about when nobody names one: <c>Digest__Period</c> (last due, or in progress) by the
    /// reporting calendar at <paramref name="at"/> (default now). It may lie outside the plan: check <see cref="InPlan"/>.
    /// </summary>
    public ReportingPeriod DefaultPeriod(DateTimeOffset? at = null) => calendar.Reported(digest.Value.Period, at);

    public bool InPlan(ReportingPeriod period) => calendar.InPlan(period);

    /// <summary>The period's regional figures, without writing a workbook (the digest's entry point).</summary>
    /// <exception cref="PeriodOutsidePlanException">No plan in force covers the period (check <see cref="InPlan"/>).</exception>
    public async Task<(RegionalProgress Progress, ProgressSnapshot Snapshot)> CalculateAsync(ReportingPeriod period, CancellationToken ct) =>
        await CalculateAsync(plans.For(period), period, ct);

    /// <summary>
    /// Writes the workbook for <paramref name="period"/>; null (nothing written) when the period has no accepted
    /// submission, which is always the case of a period no plan in force covers (ingestion refuses it).
    /// </summary>
    public async Task<WorkbookSummary?> WriteAsync(ReportingPeriod period, Stream output, CancellationToken ct)
    {
        if (plans.Find(period) is not { } catalog) return null;
        var (progress, snapshot) = await CalculateAsync(catalog, period, ct);
        if (!snapshot.HasData) return null;
        return await writer.WriteAsync(output, catalog, units.At(period), progress, snapshot.Submissions,
            loader.LoadTidyRowsAsync(catalog, period, ct), ct);
    }

    private async Task<(RegionalProgress Progress, ProgressSnapshot Snapshot)> CalculateAsync(PlanCatalog catalog, ReportingPeriod period,
        CancellationToken ct)
    {
        var (current, previous) = await loader.LoadWithPreviousAsync(period, ct);
        return (calculator.Calculate(catalog, units.At(period), current, previous, options.Value), current);
    }

    public static string FileName(ReportingPeriod period) => $"consolidado-{period}.xlsx";
}
