namespace ServerlessPlan.Cli.Bench;

/// <summary>Repeated timings of one step, in milliseconds, and the order statistics the report quotes.</summary>
public sealed class Timings
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    /// <summary>Nearest-rank percentile: always one of the measured values.</summary>
    public double Percentile(double p)
    {
        if (_ms.Count == 0) return 0;
        var sorted = _ms.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
