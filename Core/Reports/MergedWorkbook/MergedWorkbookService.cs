using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// The one call the CLI verbs, the HTTP download and the digest share: choose the period when none is named, load it,
/// compute it, write the workbook.
/// </summary>
public sealed class MergedWorkbookService(
    ProgressSnapshotLoader loader,
    RegionalProgressCalculator calculator,
    MergedWorkbookWriter writer,
    PlanCatalog catalog,
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
    public async Task<(RegionalProgress Progress, ProgressSnapshot Snapshot)> CalculateAsync(ReportingPeriod period, CancellationToken ct)
    {
        var (current, previous) = await loader.LoadWithPreviousAsync(period, ct);
        return (calculator.Calculate(catalog, units, current, previous, options.Value), current);
    }

    /// <summary>Writes the workbook for <paramref name="period"/>; null (nothing written) when the period has no accepted submission.</summary>
    public async Task<WorkbookSummary?> WriteAsync(ReportingPeriod period, Stream output, CancellationToken ct)
    {
        var (progress, snapshot) = await CalculateAsync(period, ct);
        if (!snapshot.HasData) return null;
        return await writer.WriteAsync(output, catalog, units, progress, snapshot.Submissions, loader.LoadTidyRowsAsync(period, ct), ct);
    }

    public static string FileName(ReportingPeriod period) => $"consolidado-{period}.xlsx";
}
