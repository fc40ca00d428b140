using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// The region's progress for one period, computed by <see cref="RegionalProgressCalculator"/> under the rules in
/// <see cref="RegionalProgressRules"/> (printed in the workbook's summary sheet and in docs/regional-progress.md).
/// </summary>
/// <param name="ComparedWith">The previous period the changes are against; null when it is in another year (ejecutado is year-to-date).</param>
/// <param name="Dates">The quarter's dates on the coalition's clock (its last day to send and lock day are every unit's; each unit's lateness is judged on its own clock, <see cref="UnitSubmissionStatus.Dates"/>).</param>
/// <param name="Units">Every unit expected this period (those that report at least one activity of the plan), in unit order.</param>
public sealed record RegionalProgress(
    ReportingPeriod Period,
    ReportingPeriod? ComparedWith,
    QuarterDates Dates,
    IReadOnlyList<ActivityProgress> Activities,
    IReadOnlyList<AxisProgress> Axes,
    ProgressFigures Overall,
    IReadOnlyList<UnitSubmissionStatus> Units)
{
    /// <summary>Units expected this period: those that report at least one activity of the plan.</summary>
    public int UnitsExpected => Units.Count;

    public int UnitsReported => Units.Count(u => u.HasReported);

    /// <summary>Units whose current sheet is in the figures, in unit order.</summary>
    public IReadOnlyList<UnitSubmissionStatus> ReportedUnits => Units.Where(u => u.HasReported).ToList();

    /// <summary>Units with no accepted sheet (missing, or rejected only): nothing of theirs is in the figures.</summary>
    public IReadOnlyList<UnitSubmissionStatus> MissingUnits => Units.Where(u => !u.HasReported).ToList();

    /// <summary>The last day to send, as people are told it (<see cref="QuarterDates.LastDayToSend"/>), ending on each unit's clock.</summary>
    public DateOnly LastDayToSend => Dates.LastDayToSend;

    /// <summary>Quarters of the year gone at the end of the period (ejecutado is year to date, programado for the whole year).</summary>
    public int QuartersElapsed => Period.Quarter;

    public int Count(SubmissionTimeliness timeliness) => Units.Count(u => u.Timeliness == timeliness);

    /// <summary>The instant the figures were rebuilt at from the submission history (<c>workbook --as-of</c>); null: as stored when computed.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The day the quarter locked (or locks) for uploads, at the start of that day on each unit's clock; null when quarters never lock.</summary>
    public DateOnly? LockDay => Dates.LockDay;

    /// <summary>Units whose sheet in the figures arrived after the quarter locked (through a reopening), in unit order.</summary>
    public IReadOnlyList<UnitSubmissionStatus> ReceivedAfterLock => Units.Where(u => u.HasReported && u.ReceivedAfterLock).ToList();

    /// <summary>
    /// The submissions the figures were computed from: every unit's current one for <see cref="Period"/> and, for the
    /// like-for-like change, for <see cref="ComparedWith"/>. Recorded with a digest, so the figures it sent can be
    /// checked against the record as of its instant.
    /// </summary>
    public IReadOnlyList<FigureSource> Basis { get; init; } = [];
}
