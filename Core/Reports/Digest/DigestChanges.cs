using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// What changed since the last digest the Presidency received (the last successful send, however many scheduled
/// slots were missed since).
/// </summary>
/// <param name="Since">When the last successful digest was sent.</param>
/// <param name="ValuesCompared">
/// False when the last digest was about another period: regional values are then not comparable (the quarter-on-quarter
/// change is in the workbook), and every unit reported for this period counts as new.
/// </param>
/// <param name="Units">Units with a new current submission since then, in unit order.</param>
/// <param name="Values">Activities whose regional ejecutado moved since then, in catalog order.</param>
public sealed record DigestChanges(
    DateTimeOffset Since,
    ReportingPeriod SincePeriod,
    bool ValuesCompared,
    IReadOnlyList<UnitChange> Units,
    IReadOnlyList<ValueChange> Values)
{
    private const double Tolerance = 1e-9;

    public bool IsEmpty => Units.Count == 0 && Values.Count == 0;

    /// <summary>
    /// Compares <paramref name="progress"/> with the state recorded at the last successful send; null when nothing
    /// was ever sent (the first digest has nothing to compare with).
    /// </summary>
    /// <param name="lastSent">The state recorded by the last successful send, of any period.</param>
    /// <param name="samePeriod">The state recorded by the last successful send about <paramref name="progress"/>'s period, if any.</param>
    public static DigestChanges? Between(RegionalProgress progress, DigestState? lastSent, DigestState? samePeriod)
    {
        if (lastSent is null) return null;

        var units = progress.Units
            .Where(u => u.CurrentSubmissionId is not null)
            .Select(u => (Status: u, Before: samePeriod?.Submissions.GetValueOrDefault(u.Unit.Code)))
            .Where(x => !string.Equals(x.Before, x.Status.CurrentSubmissionId, StringComparison.Ordinal))
            .Select(x => new UnitChange(x.Status.Unit, x.Before is null, x.Status.CurrentUploadedAt, x.Status.CurrentFileName))
            .ToList();

        var values = new List<ValueChange>();
        if (samePeriod is not null)
        {
            foreach (var activity in progress.Activities)
            {
                var before = samePeriod.Regional.GetValueOrDefault(activity.Activity.Code);
                var after = activity.RegionalEjecutado;
                var moved = before is null != after is null || (before is { } b && after is { } a && Math.Abs(a - b) > Tolerance);
                if (moved) values.Add(new ValueChange(activity.Activity, before, after));
            }
        }

        return new DigestChanges(lastSent.SentAt, lastSent.Period, samePeriod is not null, units, values);
    }
}

/// <summary>A unit whose current submission is new since the last digest.</summary>
/// <param name="FirstReport">True when the unit had no accepted sheet for the period at the last digest.</param>
public sealed record UnitChange(ReportingUnit Unit, bool FirstReport, DateTimeOffset? UploadedAt, string? FileName);

/// <summary>An activity whose regional ejecutado moved since the last digest (either side null: appeared or vanished).</summary>
public sealed record ValueChange(PlanActivity Activity, double? Before, double? After)
{
    public double? Delta => After - Before;
}
