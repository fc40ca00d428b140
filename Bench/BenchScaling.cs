namespace ServerlessPlan.Bench;

/// <summary>
/// Rows per second of one step at two sizes. Linear work keeps rows/s level (fixed costs make the larger size look
/// better); work that grows with the square of the rows loses as many times its rows/s as the rows grew (25× to 550×
/// here). A ratio of at least <see cref="Threshold"/> is read as linear or better, leaving room for a noisy machine.
/// </summary>
public sealed record BenchScaling(string Section, string Step, string SmallScale, long SmallRows, double SmallRowsPerSecond,
    string LargeScale, long LargeRows, double LargeRowsPerSecond)
{
    public const double Threshold = 0.5;

    public double Ratio => SmallRowsPerSecond > 0 ? LargeRowsPerSecond / SmallRowsPerSecond : 0;

    public bool Met => Ratio >= Threshold;

    public static IReadOnlyList<BenchScaling> Compare(IReadOnlyList<BenchLine> lines) =>
        lines.Where(l => l.RowsPerSecond is not null)
            .GroupBy(l => (l.Section, l.Step))
            .Where(g => g.Select(l => l.Scale).Distinct().Count() == 2)
            .Select(g =>
            {
                var ordered = g.OrderBy(l => l.Rows).ToList();
                var (small, large) = (ordered[0], ordered[^1]);
                return new BenchScaling(g.Key.Section, g.Key.Step, small.Scale, small.Rows, small.RowsPerSecond!.Value,
                    large.Scale, large.Rows, large.RowsPerSecond!.Value);
            })
            .ToList();
}
