using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// Reads what reports need from the stores: per period one submissions query plus one read per current pointer, so
/// only values that are current (pointer flipped) are ever seen.
/// </summary>
public sealed class ProgressSnapshotLoader(
    SubmissionStore submissions,
    ProgressStore progress,
    PlanCatalog catalog,
    ReportingUnits units,
    ILogger<ProgressSnapshotLoader> logger)
{
    // Partition reads are independent: a few in flight hide Table Storage latency without flooding the account.
    private const int ParallelReads = 8;

    public async Task<ProgressSnapshot> LoadAsync(ReportingPeriod period, CancellationToken ct)
    {
        var listed = await submissions.ListPeriodAsync(period, ct);
        var rows = new Dictionary<string, IReadOnlyList<ProgressRow>>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(listed.Pointers, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct },
            async (pointer, token) =>
            {
                var read = await progress.ReadAsync(pointer.PartitionKey, pointer.SubmissionId, token);
                lock (rows) rows[pointer.Unit] = read;
            });
        logger.LogInformation("Loaded {Units} current submissions for {Period}", rows.Count, period);
        return new ProgressSnapshot(period, listed, rows);
    }

    /// <summary>The period and, when it is in the same year (ejecutado is year-to-date), the one before it.</summary>
    public async Task<(ProgressSnapshot Current, ProgressSnapshot? Previous)> LoadWithPreviousAsync(ReportingPeriod period, CancellationToken ct)
    {
        var current = await LoadAsync(period, ct);
        var previous = period.Previous.Year == period.Year ? await LoadAsync(period.Previous, ct) : null;
        return (current, previous);
    }

    /// <summary>
    /// Every current row of every period of the plan up to <paramref name="upToPeriod"/>, streamed one submission at
    /// a time in period, unit and plan order, so memory does not grow with the number of rows.
    /// </summary>
    public async IAsyncEnumerable<TidyRow> LoadTidyRowsAsync(ReportingPeriod upToPeriod, [EnumeratorCancellation] CancellationToken ct)
    {
        var order = catalog.Activities.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var axisOf = CatalogIndex.AxisByActivity(catalog);
        foreach (var period in PlanPeriods(upToPeriod))
        {
            var listed = await submissions.ListPeriodAsync(period, ct);
            foreach (var pointer in listed.Pointers.OrderBy(p => UnitOrder(p.Unit)).ThenBy(p => p.Unit, StringComparer.Ordinal))
            {
                var rows = await progress.ReadAsync(pointer.PartitionKey, pointer.SubmissionId, ct);
                var unitName = units.Find(pointer.Unit)?.Name.Es ?? pointer.Unit;
                foreach (var row in rows.OrderBy(r => order.GetValueOrDefault(r.Activity, int.MaxValue)).ThenBy(r => r.Activity, StringComparer.Ordinal))
                {
                    var activity = catalog.FindActivity(row.Activity);
                    var programado = activity is null ? row.Programado : (double?)activity.ForYear(period.Year)?.Programado;
                    yield return new TidyRow(period.ToString(), period.Year, period.Quarter, pointer.Unit, unitName,
                        axisOf.GetValueOrDefault(row.Activity, ""), row.Activity, activity?.Label ?? "",
                        programado, row.Ejecutado, row.Status, row.Quantity, row.Observaciones, row.Evidencia,
                        pointer.SubmissionId, pointer.UploadedAt);
                }
            }
        }
    }

    private ReportingPeriod LastPlanPeriod => new(catalog.LastYear, 4);

    private IEnumerable<ReportingPeriod> PlanPeriods(ReportingPeriod upTo)
    {
        for (var p = new ReportingPeriod(catalog.FirstYear, 1); p <= upTo && p <= LastPlanPeriod; p = p.Next)
            yield return p;
    }

    private int UnitOrder(string code)
    {
        var unit = units.Find(code);
        return unit is null ? int.MaxValue : units.All.ToList().IndexOf(unit);
    }
}
