namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>An activity behind its programado, with its place in <see cref="DelayRanking"/>.</summary>
/// <param name="Rank">1 = furthest behind; activities tied on <see cref="Relative"/> share a rank (1, 2, 2, 4).</param>
/// <param name="Relative">Regional ejecutado ÷ programado (0.5 = half of the year's programado done).</param>
/// <param name="Tied">Another activity behind its programado has the same relative progress (listed or not).</param>
public sealed record DelayedActivity(ActivityProgress Activity, int Rank, double Relative, bool Tied);

/// <summary>
/// The activities furthest behind, by regional ejecutado relative to programado (lowest first), so that an activity
/// programmed at 30 and done at 10 ranks before one programmed at 100 and done at 60. Only activities with a
/// programado &gt; 0 and a regional value below it; ties are broken by activity code and flagged, so the order never
/// looks like a judgement it is not.
/// </summary>
public static class DelayRanking
{
    /// <summary>Two relative values closer than this are a tie (they come from the same decimal inputs).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Every activity behind its programado, ranked; take the first few for a short list.</summary>
    public static IReadOnlyList<DelayedActivity> Of(RegionalProgress progress)
    {
        var behind = progress.Activities
            .Where(a => a.RelativeProgress is < 1.0 - Tolerance)
            .Select(a => (Activity: a, Relative: a.RelativeProgress!.Value))
            .OrderBy(x => x.Relative)
            .ThenBy(x => x.Activity.Activity.Code, StringComparer.Ordinal)
            .ToList();

        var ranked = new List<DelayedActivity>(behind.Count);
        for (var i = 0; i < behind.Count; i++)
        {
            var (activity, relative) = behind[i];
            var tiedBefore = i > 0 && Same(behind[i - 1].Relative, relative);
            var tiedAfter = i + 1 < behind.Count && Same(behind[i + 1].Relative, relative);
            var rank = tiedBefore ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new DelayedActivity(activity, rank, relative, tiedBefore || tiedAfter));
        }

        return ranked;
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= Tolerance;
}
