using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// Turns a period's stored submissions into <see cref="RegionalProgress"/>. Pure: no I/O, no clock, so the rules
/// (docs/regional-progress.md) are tested directly.
/// </summary>
public sealed class RegionalProgressCalculator
{
    public RegionalProgress Calculate(PlanCatalog catalog, ReportingUnits units, ProgressSnapshot current,
        ProgressSnapshot? previous, ReportingOptions options)
    {
        var period = current.Period;
        var deadline = ReportingCalendar.Deadline(period, options.DeadlineDays);

        // Ejecutado is year-to-date, so a previous quarter of another year is not comparable.
        var comparable = previous is not null && previous.Period == period.Previous && previous.Period.Year == period.Year
            ? previous
            : null;

        var currentValues = Index(current);
        var previousValues = comparable is null ? null : Index(comparable);

        var axisOf = CatalogIndex.AxisByActivity(catalog);
        var activities = catalog.Activities
            .Select(a => Activity(a, axisOf.GetValueOrDefault(a.Code, ""), period, units, currentValues, previousValues))
            .ToList();

        var axes = catalog.Axes
            .Select(axis => new AxisProgress(axis.Code, axis.Name, ProgressFigures.Over(activities.Where(a => a.AxisCode == axis.Code))))
            .ToList();

        var reportedByUnit = ReportedByUnit(activities);
        var unitStatuses = units.All
            .Select(u => (Unit: u, Expected: catalog.Activities.Count(u.Reports)))
            .Where(x => x.Expected > 0)
            .Select(x => UnitStatus(x.Unit, x.Expected, current, reportedByUnit.GetValueOrDefault(x.Unit.Code), deadline))
            .ToList();

        return new RegionalProgress(period, comparable?.Period, deadline, activities, axes, ProgressFigures.Over(activities), unitStatuses);
    }

    private static ActivityProgress Activity(PlanActivity activity, string axisCode, ReportingPeriod period, ReportingUnits units,
        Dictionary<(string Unit, string Activity), ProgressRow> values,
        Dictionary<(string Unit, string Activity), ProgressRow>? previousValues)
    {
        var expected = units.All.Where(u => u.Reports(activity)).ToList();
        var cells = expected
            .Select(u => values.TryGetValue((u.Code, activity.Code), out var row) ? ToValue(u.Code, row) : UnitActivityValue.NotSubmitted(u.Code))
            .ToList();
        var counted = cells.Where(c => c.Counts).Select(c => c.Ejecutado!.Value).ToList();

        double? previousRegional = null;
        if (previousValues is not null)
        {
            var before = expected
                .Where(u => previousValues.ContainsKey((u.Code, activity.Code)))
                .Select(u => ToValue(u.Code, previousValues[(u.Code, activity.Code)]))
                .Where(c => c.Counts)
                .Select(c => c.Ejecutado!.Value)
                .ToList();
            previousRegional = before.Count > 0 ? before.Average() : null;
        }

        return new ActivityProgress(
            activity,
            axisCode,
            (double?)activity.ForYear(period.Year)?.Programado,
            cells,
            counted.Count > 0 ? counted.Average() : null,
            counted.Count,
            expected.Count,
            cells.Count(c => c.IsNotApplicable),
            previousRegional);
    }

    /// <summary>
    /// Per unit, the activities it gave a figure (or "no aplica") for, counted in one pass over the cells: asking each
    /// unit to scan every activity's cells would grow with units² × activities.
    /// </summary>
    private static Dictionary<string, int> ReportedByUnit(IReadOnlyList<ActivityProgress> activities)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var activity in activities)
        {
            foreach (var cell in activity.Units)
            {
                if (cell.Ejecutado is not null || cell.IsNotApplicable)
                    counts[cell.UnitCode] = counts.GetValueOrDefault(cell.UnitCode) + 1;
            }
        }

        return counts;
    }

    private static UnitSubmissionStatus UnitStatus(ReportingUnit unit, int expected, ProgressSnapshot snapshot,
        int reportedActivities, DateTimeOffset deadline)
    {
        var history = snapshot.Submissions.History.Where(h => SameUnit(h.Unit, unit.Code)).ToList();
        var accepted = history
            .Where(h => h.StatusValue is SubmissionStatus.Current or SubmissionStatus.Superseded)
            .ToList();
        var pointer = snapshot.Submissions.Pointers.FirstOrDefault(p => SameUnit(p.Unit, unit.Code));
        var current = pointer is null ? null : history.FirstOrDefault(h => h.RowKey == pointer.SubmissionId);

        DateTimeOffset? firstAccepted = accepted.Count > 0 ? accepted.Min(h => h.UploadedAt) : pointer?.UploadedAt;
        if (pointer is not null && firstAccepted > pointer.UploadedAt) firstAccepted = pointer.UploadedAt;

        var timeliness = firstAccepted is { } first
            ? first < deadline ? SubmissionTimeliness.OnTime : SubmissionTimeliness.Late
            : history.Count > 0 && history.All(h => h.StatusValue == SubmissionStatus.Rejected)
                ? SubmissionTimeliness.RejectedOnly
                : SubmissionTimeliness.Missing;

        var reported = pointer is null ? 0 : reportedActivities;

        return new UnitSubmissionStatus(
            unit,
            timeliness,
            firstAccepted,
            pointer?.UploadedAt,
            history.Count > 0 ? history.Max(h => h.LatestArrival) : null,
            history.Count,
            history.Count(h => h.StatusValue == SubmissionStatus.Rejected),
            pointer?.SubmissionId,
            current?.FileName,
            reported,
            expected);
    }

    private static Dictionary<(string Unit, string Activity), ProgressRow> Index(ProgressSnapshot snapshot)
    {
        var index = new Dictionary<(string, string), ProgressRow>(UnitActivityComparer.Instance);
        foreach (var (unit, rows) in snapshot.CurrentRows)
        {
            foreach (var row in rows)
                index[(unit, row.Activity)] = row;
        }

        return index;
    }

    private static UnitActivityValue ToValue(string unit, ProgressRow row) =>
        new(unit, true, row.Ejecutado, row.Status, row.Quantity, row.Observaciones, row.Evidencia);

    private static bool SameUnit(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed class UnitActivityComparer : IEqualityComparer<(string, string)>
    {
        public static readonly UnitActivityComparer Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.Ordinal);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.Ordinal.GetHashCode(obj.Item2));
    }
}
