using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// Turns a period's stored submissions into <see cref="RegionalProgress"/>. Pure: no I/O, no clock, so the rules
/// (docs/regional-progress.md) are tested directly. Expected units are those that were members in the period
/// (<see cref="ReportingUnits.At"/>), whatever list the caller passes.
/// </summary>
public sealed class RegionalProgressCalculator
{
    public RegionalProgress Calculate(PlanCatalog catalog, ReportingUnits units, ProgressSnapshot current,
        ProgressSnapshot? previous, ReportingOptions options)
    {
        var period = current.Period;
        var members = units.At(period);
        // The quarter's dates on the coalition's clock; each unit is judged on its own (UnitSubmissionStatus.Dates).
        var dates = ReportingCalendar.Dates(period, units.Coalition, options.DeadlineDays, options.LockGraceDays);

        // Ejecutado is year-to-date, so a previous quarter of another year is not comparable.
        var comparable = previous is not null && previous.Period == period.Previous && previous.Period.Year == period.Year
            ? previous
            : null;

        var currentValues = Index(current);
        var previousValues = comparable is null ? null : Index(comparable);

        var axisOf = CatalogIndex.AxisByActivity(catalog);
        var activities = catalog.Activities
            .Select(a => Activity(a, axisOf.GetValueOrDefault(a.Code, ""), period, members, currentValues, previousValues))
            .ToList();

        var axes = catalog.Axes
            .Select(axis => new AxisProgress(axis.Code, axis.Name, ProgressFigures.Over(activities.Where(a => a.AxisCode == axis.Code))))
            .ToList();

        var reportedByUnit = ReportedByUnit(activities);
        var programmed = activities.Where(a => a.IsProgrammed).Select(a => a.Activity).ToList();
        var unitStatuses = ExpectedUnits(catalog, members)
            .Select(u => AfterLock(UnitStatus(u, programmed.Count(u.Reports), current.Submissions, reportedByUnit.GetValueOrDefault(u.Code),
                ReportingCalendar.Dates(period, u.Zone, options.DeadlineDays, options.LockGraceDays)), current.Locks))
            .ToList();

        return new RegionalProgress(period, comparable?.Period, dates, activities, axes, ProgressFigures.Over(activities), unitStatuses)
        {
            AsOf = current.AsOf,
            Basis = [.. Sources(current), .. comparable is null ? [] : Sources(comparable)],
        };
    }

    private static IEnumerable<FigureSource> Sources(ProgressSnapshot snapshot) =>
        snapshot.Submissions.Pointers.Select(p => new FigureSource(snapshot.Period, p.Unit, p.SubmissionId));

    /// <summary>The units expected in a period: the members (<paramref name="members"/> = units at the period) that report some activity of the plan.</summary>
    public static IEnumerable<ReportingUnit> ExpectedUnits(PlanCatalog catalog, ReportingUnits members) =>
        members.All.Where(u => catalog.Activities.Any(u.Reports));

    /// <summary>
    /// Marks a unit whose sheet in the figures arrived at or after the automatic lock, with the reopening that let it
    /// in (from the unit's lock history as known at the figures' instant, <paramref name="locks"/>).
    /// </summary>
    public static UnitSubmissionStatus AfterLock(UnitSubmissionStatus status, IReadOnlyList<PeriodLockState> locks)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(locks);
        if (status.CurrentUploadedAt is not { } arrival || status.Dates.LocksAt is not { } at || arrival < at) return status;
        var state = locks.FirstOrDefault(l => SameUnit(l.Unit, status.Unit.Code));
        return status with { ReceivedAfterLock = true, AdmittedBy = state?.At(arrival).Window };
    }

    /// <summary>
    /// The same mark from the unit's lock history alone (the portal's board and quarter pages, which compute no figure):
    /// its current sheet arrived at or after the automatic lock, and the reopening that let it in.
    /// </summary>
    public static UnitSubmissionStatus AfterLock(UnitSubmissionStatus status, PeriodLockState state) =>
        status.CurrentUploadedAt is { } arrival && state.IsAfterLock(arrival)
            ? status with { ReceivedAfterLock = true, AdmittedBy = state.At(arrival).Window }
            : status;

    private static ActivityProgress Activity(PlanActivity activity, string axisCode, ReportingPeriod period, ReportingUnits units,
        Dictionary<(string Unit, string Activity), ProgressRow> values,
        Dictionary<(string Unit, string Activity), ProgressRow>? previousValues)
    {
        var ofItsKind = units.All.Where(u => u.Reports(activity)).ToList();
        var cells = ofItsKind
            .Select(u => values.TryGetValue((u.Code, activity.Code), out var row) ? ToValue(u.Code, row) : UnitActivityValue.NotSubmitted(u.Code))
            .ToList();
        var counted = cells.Where(c => c.Counts).ToList();

        double? previousRegional = null;
        ActivityChange? change = null;
        if (previousValues is not null)
        {
            var before = ofItsKind
                .Select(u => previousValues.TryGetValue((u.Code, activity.Code), out var row) ? ToValue(u.Code, row) : null)
                .Where(c => c is { Counts: true })
                .ToDictionary(c => c!.UnitCode, c => c!.Ejecutado!.Value, StringComparer.OrdinalIgnoreCase);
            previousRegional = before.Count > 0 ? before.Values.Average() : null;

            // Like for like: only the units that gave a number in both quarters.
            var differences = counted
                .Where(c => before.ContainsKey(c.UnitCode))
                .Select(c => c.Ejecutado!.Value - before[c.UnitCode])
                .ToList();
            change = differences.Count > 0 ? new ActivityChange(differences.Count, differences.Average()) : null;
        }

        return Of(activity, axisCode, (double?)activity.ForYear(period.Year)?.Programado, cells, previousRegional) with { Change = change };
    }

    /// <summary>
    /// The regional value of one activity from the given units' cells: mean over the numbers, coverage, "no aplica",
    /// lower bound. The one place these are computed — for the region here, and for a single unit's own figures
    /// (<see cref="UnitFigures"/>) by passing only its cell.
    /// </summary>
    public static ActivityProgress Of(PlanActivity activity, string axisCode, double? programado, IReadOnlyList<UnitActivityValue> cells,
        double? previousRegional = null)
    {
        var counted = cells.Where(c => c.Counts).ToList();
        var notApplicable = cells.Count(c => c.IsNotApplicable);
        // "No aplica" leaves the expected count as well as the mean: it is an answer, not a missing report.
        var expected = cells.Count - notApplicable;
        var sum = counted.Sum(c => c.Ejecutado!.Value);
        return new ActivityProgress(
            activity,
            axisCode,
            programado,
            cells,
            counted.Count > 0 ? sum / counted.Count : null,
            counted.Count,
            expected,
            notApplicable,
            previousRegional)
        {
            // Only where something is programmed: nothing programmed, nothing is missing.
            LowerBound = expected > 0 && programado > 0 ? sum / expected : null,
        };
    }

    /// <summary>
    /// Each unit's own figures for the period under the same rules as the region's (execution over its programmed
    /// activities with a number, lower bound counting its blanks as 0): each activity recomputed from the unit's cell
    /// alone, in one pass over the cells. Units that report no activity of the plan are absent.
    /// </summary>
    public static IReadOnlyDictionary<string, ProgressFigures> UnitFigures(RegionalProgress progress)
    {
        var own = new Dictionary<string, List<ActivityProgress>>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in progress.Activities)
        {
            foreach (var cell in a.Units)
            {
                if (!own.TryGetValue(cell.UnitCode, out var list)) own[cell.UnitCode] = list = [];
                list.Add(Of(a.Activity, a.AxisCode, a.Programado, [cell]));
            }
        }

        return own.ToDictionary(kv => kv.Key, kv => ProgressFigures.Over(kv.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Per unit, among the activities of its part programmed for the year: how many its sheet gives a number for and
    /// how many it marks "no aplica", counted in one pass over the cells (asking each unit to scan every activity's
    /// cells would grow with units² × activities).
    /// </summary>
    private static Dictionary<string, (int Reported, int NotApplicable)> ReportedByUnit(IReadOnlyList<ActivityProgress> activities)
    {
        var counts = new Dictionary<string, (int Reported, int NotApplicable)>(StringComparer.OrdinalIgnoreCase);
        foreach (var activity in activities.Where(a => a.IsProgrammed))
        {
            foreach (var cell in activity.Units)
            {
                var (reported, notApplicable) = counts.GetValueOrDefault(cell.UnitCode);
                if (cell.Counts) counts[cell.UnitCode] = (reported + 1, notApplicable);
                else if (cell.IsNotApplicable) counts[cell.UnitCode] = (reported, notApplicable + 1);
            }
        }

        return counts;
    }

    /// <summary>
    /// Where one unit stands for a period from its submissions alone (timeliness, uploads, current file): the board and
    /// a unit's quarters use it without reading any progress row.
    /// </summary>
    /// <param name="programmed">Activities of the unit's part with a programado &gt; 0 for the year.</param>
    /// <param name="answered">Among those, how many its current sheet gives a number for and marks "no aplica" ((0, 0) when the caller did not read them).</param>
    public static UnitSubmissionStatus UnitStatus(ReportingUnit unit, int programmed, PeriodSubmissions submissions,
        (int Reported, int NotApplicable) answered, QuarterDates dates)
    {
        var history = submissions.History.Where(h => SameUnit(h.Unit, unit.Code)).ToList();
        var accepted = history
            .Where(h => h.StatusValue is SubmissionStatus.Current or SubmissionStatus.Superseded)
            .ToList();
        var pointer = submissions.Pointers.FirstOrDefault(p => SameUnit(p.Unit, unit.Code));
        var current = pointer is null ? null : history.FirstOrDefault(h => h.RowKey == pointer.SubmissionId);

        DateTimeOffset? firstAccepted = accepted.Count > 0 ? accepted.Min(h => h.UploadedAt) : pointer?.UploadedAt;
        if (pointer is not null && firstAccepted > pointer.UploadedAt) firstAccepted = pointer.UploadedAt;

        var timeliness = firstAccepted is { } first
            ? dates.IsLate(first) ? SubmissionTimeliness.Late : SubmissionTimeliness.OnTime
            : history.Count > 0 && history.All(h => h.StatusValue == SubmissionStatus.Rejected)
                ? SubmissionTimeliness.RejectedOnly
                : SubmissionTimeliness.Missing;

        var (reported, notApplicable) = pointer is null ? (0, 0) : answered;

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
            programmed - notApplicable)
        {
            ActivitiesNotApplicable = notApplicable,
            Dates = dates,
        };
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
