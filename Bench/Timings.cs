namespace ServerlessPlan.Bench;

/// <summary>Repeated timings of one step (wall clock and process CPU), in milliseconds, and the order statistics the report quotes.</summary>
public sealed class Timings
{
    private readonly List<double> _ms = [];
    private readonly List<double> _cpuMs = [];

    public int Count => _ms.Count;

    public void Add(StepClock clock)
    {
        _ms.Add(clock.Elapsed.TotalMilliseconds);
        _cpuMs.Add(clock.Cpu.TotalMilliseconds);
    }

    /// <summary>A wall-clock time alone, for steps that overlap others (their CPU time cannot be told apart).</summary>
    public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

    public double Median => Percentile(_ms, 50);

    public double P95 => Percentile(_ms, 95);

    public double Max => Percentile(_ms, 100);

    public double CpuMedian => Percentile(_cpuMs, 50);

    /// <summary>Nearest-rank percentile: always one of the measured values.</summary>
    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
