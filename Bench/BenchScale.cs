using ServerlessPlan.Cli.CommandLine;

namespace ServerlessPlan.Bench;

/// <summary>
/// A size of network to measure: reporting units (countries plus the Secretaría Técnica), activities in the plan,
/// quarters of data in the merged workbook, and how many timed (and untimed warm-up) ingestions to run.
/// </summary>
public sealed record BenchScale(string Name, int Units, int Activities, int Quarters, int Iterations, int Warmup)
{
    /// <summary>Smallest useful run: keeps the smoke test fast.</summary>
    public static readonly BenchScale Tiny = new("tiny", 3, 5, 2, 2, 1);

    /// <summary>The coalition today: eight countries and the Secretaría Técnica, a plan of about twenty activities.</summary>
    public static readonly BenchScale Coalition = new("coalition", 9, 20, 12, 40, 40);

    /// <summary>A continent's worth of ministries: 200 units × 500 activities × 12 quarters (about 1.2 M tidy rows).</summary>
    public static readonly BenchScale Large = new("large", 200, 500, 12, 40, 40);

    public static readonly IReadOnlyList<BenchScale> Ladder = [Tiny, Coalition, Large];

    /// <summary>Years the plan spans: enough for <see cref="Quarters"/>.</summary>
    public int Years => (Quarters + 3) / 4;

    /// <summary>A run measures its scale and the one below it, so rows/s can be compared at two sizes.</summary>
    public IReadOnlyList<BenchScale> Measured
    {
        get
        {
            var index = Ladder.ToList().FindIndex(s => s.Name == Name);
            return index > 0 ? [Ladder[index - 1], this] : [this];
        }
    }

    public static BenchScale Parse(string? name) =>
        Ladder.FirstOrDefault(s => s.Name == (name ?? Coalition.Name))
        ?? throw new UsageException($"Unknown scale '{name}'. Known: {string.Join(", ", Ladder.Select(s => s.Name))}.");
}
