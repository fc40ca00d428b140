using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Bench;

/// <summary>
/// Every unit's current submission for every quarter of a scale, generated on demand instead of read from storage:
/// the same values <see cref="SampleSheetFiller"/> types into sheets, as the progress rows, snapshots and tidy rows
/// the stores would return. At the large scale that is 1.2 M rows, which Azurite would take minutes to hold and
/// return; generating them keeps the workbook measurement about the writer.
/// </summary>
public sealed class BenchDataSet(BenchScale scale, PlanRegistry plans, ReportingUnits units)
{
    private readonly SampleSheetFiller _filler = new(plans);

    public BenchScale Scale => scale;

    public IReadOnlyList<ReportingPeriod> Periods { get; } = Enumerable.Range(0, scale.Quarters)
        .Select(i => new ReportingPeriod(SyntheticPlan.FirstYear + i / 4, i % 4 + 1))
        .ToList();

    public ReportingPeriod LastPeriod => Periods[^1];

    /// <summary>Rows all quarters hold together: what the workbook's data sheets carry.</summary>
    public long TotalRows => Periods.Sum(p => (long)units.At(p).All.Sum(u => plans.For(p).ActivitiesFor(u).Count));

    public IReadOnlyList<ProgressRow> Rows(ReportingUnit unit, ReportingPeriod period)
    {
        var submissionId = SubmissionId(unit, period);
        return plans.For(period).ActivitiesFor(unit).Select((a, i) => Row(unit, period, a, i, submissionId)).ToList();
    }

    /// <summary>What <see cref="ProgressSnapshotLoader.LoadAsync"/> would return had every unit filed on time.</summary>
    public ProgressSnapshot Snapshot(ReportingPeriod period)
    {
        var members = units.At(period).All;
        var rows = members.ToDictionary(u => u.Code, u => Rows(u, period), StringComparer.OrdinalIgnoreCase);
        var history = members.Select(u => new SubmissionEntity
        {
            PartitionKey = TableKeys.Partition(period, u.Code),
            RowKey = SubmissionId(u, period),
            Unit = u.Code,
            Period = period.ToString(),
            Status = nameof(SubmissionStatus.Current),
            FileName = $"informe-{u.Code}-{period}.xlsx",
            ContentHash = SubmissionId(u, period),
            UploadedAt = UploadedAt(u, period),
            ProcessedAt = UploadedAt(u, period).AddSeconds(2),
            RowCount = rows[u.Code].Count,
            FocalPointName = $"Punto focal {u.Code}",
            FocalPointEmail = $"punto.focal.{u.Code.ToLowerInvariant()}@coalicion-regional.example",
        }).ToList();
        var pointers = history.Select(h => new CurrentPointerEntity
        {
            PartitionKey = h.PartitionKey,
            Unit = h.Unit,
            Period = h.Period,
            SubmissionId = h.RowKey,
            UploadedAt = h.UploadedAt,
        }).ToList();
        return new ProgressSnapshot(period, new PeriodSubmissions(period, history, pointers), rows);
    }

    /// <summary>
    /// The tidy rows of every quarter up to the last, in the loader's order (period, unit, plan), produced lazily so
    /// only the consumer's own memory shows in a measurement.
    /// </summary>
    public async IAsyncEnumerable<TidyRow> TidyRowsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var period in Periods)
        {
            var catalog = plans.For(period);
            var axisOf = catalog.Activities.ToDictionary(a => a.Code, a => a.AxisCode, StringComparer.Ordinal);
            foreach (var unit in units.At(period).All)
            {
                ct.ThrowIfCancellationRequested();
                var submissionId = SubmissionId(unit, period);
                var uploadedAt = UploadedAt(unit, period);
                var activities = catalog.ActivitiesFor(unit);
                for (var i = 0; i < activities.Count; i++)
                {
                    var a = activities[i];
                    var row = Row(unit, period, a, i, submissionId);
                    yield return new TidyRow(period.ToString(), period.Year, period.Quarter, unit.Code, unit.Name.Es,
                        axisOf[a.Code], a.Code, a.Label, (double?)a.ForYear(period.Year)?.Programado, row.Ejecutado, row.Status,
                        row.Quantity, row.Observaciones, row.Evidencia, submissionId, uploadedAt);
                }
            }
            // A real source awaits storage between units; yielding per period keeps the enumerator honest.
            await Task.Yield();
        }
    }

    private ProgressRow Row(ReportingUnit unit, ReportingPeriod period, PlanActivity activity, int index, string submissionId)
    {
        var value = _filler.Ejecutado(unit, period, activity);
        var target = activity.ForYear(period.Year)?.Programado;
        var status = value is null or 0 ? ActivityStatus.NotStarted : value >= target ? ActivityStatus.Completed : ActivityStatus.InProgress;
        return new ProgressRow
        {
            SubmissionId = submissionId,
            Unit = unit.Code,
            Period = period.ToString(),
            Year = period.Year,
            Activity = activity.Code,
            Programado = (double?)target,
            Ejecutado = (double?)value,
            Status = status.ToString(),
            Quantity = activity.IndicatorIsCount && value is not null ? 1 + index % 12 : null,
            Observaciones = value < target ? "Avance según el cronograma nacional." : null,
            Evidencia = value is null ? null : $"https://evidencias.coalicion-regional.example/{unit.Code}/{period}/{activity.Code}",
        };
    }

    private static string SubmissionId(ReportingUnit unit, ReportingPeriod period) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{unit.Code}|{period}")));

    private static DateTimeOffset UploadedAt(ReportingUnit unit, ReportingPeriod period) =>
        period.EndExclusive.AddDays(10).AddMinutes(unit.Code.Sum(c => c) * 7 % 1440);
}
