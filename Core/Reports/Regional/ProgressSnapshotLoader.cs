using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// Reads what reports need from the stores: per period one submissions query plus one read per current pointer, so
/// only values that are current (pointer flipped) are ever seen. With an instant (<c>asOf</c>) the same reads serve the
/// record as it was then: the pointers are rebuilt from the history and the arrival log
/// (<see cref="ArrivalLog.PeriodAsOfAsync"/>), and each rebuilt current submission's rows are read under its id
/// like any other — one workbook writer, two sources of "current".
/// </summary>
public sealed class ProgressSnapshotLoader(
    SubmissionStore submissions,
    ArrivalLog arrivals,
    ProgressStore progress,
    PeriodLockService locks,
    PlanRegistry plans,
    ReportingUnits units,
    ILogger<ProgressSnapshotLoader> logger)
{
    // Partition reads are independent: a few in flight hide Table Storage latency without flooding the account.
    private const int ParallelReads = 8;

    /// <param name="asOf">The instant to rebuild the record at; null: as stored now.</param>
    public Task<ProgressSnapshot> LoadAsync(ReportingPeriod period, CancellationToken ct, DateTimeOffset? asOf = null) =>
        LoadAsync(period, asOf, withLocks: true, ct);

    /// <summary>
    /// The period's submissions and current rows as stored now, without the lock states (a trend computes figures and
    /// timeliness only, never which sheet came in through a reopening).
    /// </summary>
    public Task<ProgressSnapshot> LoadValuesAsync(ReportingPeriod period, CancellationToken ct) =>
        LoadAsync(period, asOf: null, withLocks: false, ct);

    private async Task<ProgressSnapshot> LoadAsync(ReportingPeriod period, DateTimeOffset? asOf, bool withLocks, CancellationToken ct)
    {
        var listing = ListAsync(period, asOf, ct);
        var lockReading = withLocks ? locks.KnownAtAsync(period, asOf, ct) : Task.FromResult<IReadOnlyList<PeriodLockState>>([]);
        await Task.WhenAll(listing, lockReading);
        var listed = await listing;
        var rows = new Dictionary<string, IReadOnlyList<ProgressRow>>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(listed.Pointers, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct },
            async (pointer, token) =>
            {
                var read = await progress.ReadAsync(pointer.PartitionKey, pointer.SubmissionId, token);
                lock (rows) rows[pointer.Unit] = read;
            });
        logger.LogInformation("Loaded {Units} current submissions for {Period} as of {AsOf}", rows.Count, period, asOf?.ToString("o") ?? "now");
        return new ProgressSnapshot(period, listed, rows) { AsOf = asOf, Locks = await lockReading };
    }

    /// <summary>The period and, when it is in the same year (ejecutado is year-to-date), the one before it.</summary>
    /// <param name="asOf">The instant to rebuild both at; null: as stored now.</param>
    public async Task<(ProgressSnapshot Current, ProgressSnapshot? Previous)> LoadWithPreviousAsync(ReportingPeriod period, CancellationToken ct,
        DateTimeOffset? asOf = null)
    {
        var current = await LoadAsync(period, asOf, withLocks: true, ct);
        // Only the values of the quarter before enter the figures (the like-for-like change): its locks are not read.
        var previous = period.Previous.Year == period.Year ? await LoadAsync(period.Previous, asOf, withLocks: false, ct) : null;
        return (current, previous);
    }

    /// <summary>The period's submission history and current pointers, as stored now or rebuilt at <paramref name="asOf"/>.</summary>
    public Task<PeriodSubmissions> ListAsync(ReportingPeriod period, DateTimeOffset? asOf, CancellationToken ct) =>
        asOf is { } instant ? arrivals.PeriodAsOfAsync(period, instant, ct) : submissions.ListPeriodAsync(period, ct);

    /// <summary>
    /// The rows every figure is computed from, for every period of the plan in force for <paramref name="upToPeriod"/>
    /// (another plan's periods are never included) up to that one that has an accepted sheet: one row per member of the
    /// period and activity it is expected to report (its part of the plan), in period, unit
    /// and plan order — its current value, a blank one when its sheet has no row for the activity, and for a unit with
    /// no accepted sheet a row without submission (so coverage and lower bounds can be recomputed from the rows alone).
    /// Rows a sheet holds for activities outside the unit's part never enter a figure and are left out. Streamed one
    /// submission at a time, so memory does not grow with the number of rows.
    /// </summary>
    /// <exception cref="PeriodOutsidePlanException">No plan in force covers <paramref name="upToPeriod"/>.</exception>
    public IAsyncEnumerable<TidyRow> LoadTidyRowsAsync(ReportingPeriod upToPeriod, CancellationToken ct) =>
        LoadTidyRowsAsync(plans.For(upToPeriod), upToPeriod, ct);

    /// <inheritdoc cref="LoadTidyRowsAsync(ReportingPeriod, CancellationToken)"/>
    /// <param name="catalog">The plan of <paramref name="upToPeriod"/>, as the caller resolved it for the rest of the report.</param>
    /// <param name="asOf">The instant to rebuild every period's record at; null: as stored now.</param>
    public async IAsyncEnumerable<TidyRow> LoadTidyRowsAsync(PlanCatalog catalog, ReportingPeriod upToPeriod, [EnumeratorCancellation] CancellationToken ct,
        DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var period in PlanPeriods(catalog, upToPeriod))
        {
            var listed = await ListAsync(period, asOf, ct);
            await foreach (var row in PeriodTidyRowsAsync(catalog, listed, ct)) yield return row;
        }
    }

    /// <summary>
    /// One period's rows of <see cref="LoadTidyRowsAsync(PlanCatalog, ReportingPeriod, CancellationToken, DateTimeOffset?)"/>
    /// from its listing (<see cref="ListAsync"/>): none when no unit has an accepted sheet. The open data's
    /// <c>progress</c> table is these rows, so it and the workbook's <i>Datos</i> cannot differ.
    /// </summary>
    public async IAsyncEnumerable<TidyRow> PeriodTidyRowsAsync(PlanCatalog catalog, PeriodSubmissions listed, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(listed);
        if (listed.Pointers.Count == 0) yield break;
        var period = listed.Period;
        var axisOf = CatalogIndex.AxisByActivity(catalog);
        var pointers = listed.Pointers.GroupBy(p => p.Unit, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units.At(period).All)
        {
            var part = catalog.ActivitiesFor(unit);
            if (part.Count == 0) continue;
            var pointer = pointers.GetValueOrDefault(unit.Code);
            var rows = pointer is null
                ? new Dictionary<string, ProgressRow>(StringComparer.Ordinal)
                : (await progress.ReadAsync(pointer.PartitionKey, pointer.SubmissionId, ct))
                    .GroupBy(r => r.Activity, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var activity in part)
            {
                var row = rows.GetValueOrDefault(activity.Code);
                yield return new TidyRow(period.ToString(), period.Year, period.Quarter, unit.Code, unit.Name.Es,
                    axisOf.GetValueOrDefault(activity.Code, ""), activity.Code, activity.Label,
                    (double?)activity.ForYear(period.Year)?.Programado, row?.Ejecutado, row?.Status, row?.Quantity,
                    row?.Observaciones, row?.Evidencia, pointer?.SubmissionId ?? "", pointer?.UploadedAt);
            }
        }
    }

    private static IEnumerable<ReportingPeriod> PlanPeriods(PlanCatalog catalog, ReportingPeriod upTo)
    {
        var last = new ReportingPeriod(catalog.LastYear, 4);
        for (var p = new ReportingPeriod(catalog.FirstYear, 1); p <= upTo && p <= last; p = p.Next)
            yield return p;
    }
}
