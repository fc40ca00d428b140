using ServerlessPlan.Core.Plan;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Reports;

/// <summary>The one call the CLI verb and the HTTP download share: load a period, compute it, write the workbook.</summary>
public sealed class MergedWorkbookService(
    ProgressSnapshotLoader loader,
    RegionalProgressCalculator calculator,
    MergedWorkbookWriter writer,
    PlanCatalog catalog,
    ReportingUnits units,
    IOptions<ReportingOptions> options)
{
    /// <summary>The latest period of the plan with any accepted submission, or null when there is none.</summary>
    public Task<ReportingPeriod?> LatestPeriodAsync(CancellationToken ct) => loader.LatestPeriodAsync(ct);

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
