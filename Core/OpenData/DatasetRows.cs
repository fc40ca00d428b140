using System.Runtime.CompilerServices;
using System.Text.Json;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// The rows of each table, in <see cref="OpenDataSchema"/>'s column order. Progress rows are the workbook's <i>Datos</i>
/// rows (<see cref="ProgressSnapshotLoader.PeriodTidyRowsAsync"/>), streamed a unit at a time, with what counts decided
/// by <see cref="UnitActivityValue"/> — the rule the regional figures use — so there is no second definition of ejecutado.
/// </summary>
public sealed class DatasetRows(ProgressSnapshotLoader loader, ReportingUnits units)
{
    public IAsyncEnumerable<object?[]> For(DatasetTable table, IReadOnlyList<PeriodRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Name switch
        {
            "progress" => Progress(records, ct),
            "submissions" => Sync(Submissions(records)),
            "units" => Sync(Units()),
            "activities" => Sync(Activities(records)),
            "coverage" => Sync(Coverage(records)),
            _ => throw new ArgumentException($"No table {table.Name}.", nameof(table)),
        };
    }

    private async IAsyncEnumerable<object?[]> Progress(IReadOnlyList<PeriodRecord> records, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var record in records.Where(r => r.HasData))
        {
            var places = ActivityPlace.Index(record.Plan);
            await foreach (var row in loader.PeriodTidyRowsAsync(record.Plan, record.Submissions, ct))
            {
                var place = places[row.ActivityCode];
                var unit = record.StatusOf(row.UnitCode);
                var value = new UnitActivityValue(row.UnitCode, row.SubmissionId.Length > 0, row.Ejecutado, row.Status, row.Quantity,
                    row.Observaciones, row.Evidencia);
                yield return
                [
                    record.Plan.Id, row.Period, (long)row.Year, (long)row.Quarter, row.UnitCode, row.AxisCode, place.Strategic, place.Operational,
                    row.ActivityCode, row.Programado, row.Ejecutado, value.Counts ? row.Ejecutado : null, Status(row.Status), value.IsNotApplicable,
                    row.Quantity, Empty(row.Observaciones), Empty(row.Evidencia), Empty(row.SubmissionId), row.UploadedAt,
                    (unit?.Timeliness ?? SubmissionTimeliness.Missing).ToString(), unit is { HasReported: true, ReceivedAfterLock: true },
                ];
            }
        }
    }

    private static IEnumerable<object?[]> Submissions(IReadOnlyList<PeriodRecord> records) =>
        records.SelectMany(r => r.Submissions.History
            .OrderBy(h => h.Unit, StringComparer.Ordinal).ThenBy(h => h.UploadedAt).ThenBy(h => h.RowKey, StringComparer.Ordinal)
            .Select(h => new object?[]
            {
                r.Period.ToString(), h.Unit, h.RowKey, h.StatusValue.ToString(), Empty(h.FileName), h.SizeBytes, h.UploadedAt,
                h.LastUploadedAt, h.ProcessedAt == default ? null : h.ProcessedAt, (long)h.RowCount, (long)h.ErrorCount, (long)h.WarningCount,
                IssueCodes(h.IssuesJson), Empty(h.Supersedes), Empty(h.SupersededBy),
            }));

    private IEnumerable<object?[]> Units() =>
        units.All.Select(u => new object?[]
        {
            u.Code, u.Name.Es, u.Name.En, u.Kind.ToString(), u.Language.ToCode(), u.From?.ToString(), u.Until?.ToString(),
        });

    private static IEnumerable<object?[]> Activities(IReadOnlyList<PeriodRecord> records)
    {
        foreach (var plan in records.Select(r => r.Plan).DistinctBy(p => p.Id))
        {
            var places = ActivityPlace.Index(plan);
            foreach (var activity in plan.Activities)
            {
                var place = places[activity.Code];
                for (var year = plan.FirstYear; year <= plan.LastYear; year++)
                {
                    yield return
                    [
                        plan.Id, activity.Code, (long)year, place.Axis, place.Strategic, place.Operational, activity.Label, activity.Text,
                        Empty(activity.English?.Text), Empty(activity.Responsable), activity.Reporting.ToString(), activity.IndicatorIsCount,
                        (double?)activity.ForYear(year)?.Programado,
                    ];
                }
            }
        }
    }

    private static IEnumerable<object?[]> Coverage(IReadOnlyList<PeriodRecord> records) =>
        records.Select(r =>
        {
            var missing = r.Units.Where(u => !u.HasReported).Select(u => u.Unit.Code).ToList();
            return new object?[]
            {
                r.Plan.Id, r.Period.ToString(), (long)r.Period.Year, (long)r.Period.Quarter, r.Deadline, r.LocksAt,
                (long)r.Units.Count, (long)(r.Units.Count - missing.Count), (long)missing.Count, missing.Count == 0 ? null : string.Join(';', missing),
                (long)Count(r, SubmissionTimeliness.OnTime), (long)Count(r, SubmissionTimeliness.Late), (long)Count(r, SubmissionTimeliness.RejectedOnly),
                (long)r.Units.Count(u => u.HasReported && u.ReceivedAfterLock),
            };
        });

    private static int Count(PeriodRecord record, SubmissionTimeliness timeliness) => record.Units.Count(u => u.Timeliness == timeliness);

    /// <summary>The status's stable name, as the <i>Datos</i> sheet's code column writes it; an unknown word as recorded.</summary>
    private static string? Status(string? status) =>
        status is null ? null
        : Enum.TryParse<ActivityStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed.ToString()
        : status;

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>The distinct finding codes kept with an upload (its warnings, or its first errors), ';'-separated.</summary>
    private static string? IssueCodes(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var codes = doc.RootElement.EnumerateArray()
                .Select(i => i.TryGetProperty("code", out var c) ? c.GetString() : null)
                .Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
            return codes.Count == 0 ? null : string.Join(';', codes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async IAsyncEnumerable<object?[]> Sync(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }
}
