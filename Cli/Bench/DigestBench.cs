using System.Diagnostics;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Reports;

namespace ServerlessPlan.Cli.Bench;

/// <summary>
/// The digest's model: <see cref="RegionalProgressCalculator.Calculate"/> over every unit's current rows for the last
/// quarter and the one before (the e-mail rendering joins it once the digest composer exists).
/// </summary>
public static class DigestBench
{
    public const string CalculateStep = "regional model (RegionalProgressCalculator)";

    public static IReadOnlyList<BenchLine> Run(BenchEnvironment env, int iterations)
    {
        var data = env.Data;
        var current = data.Snapshot(data.LastPeriod);
        var previous = data.Periods.Count > 1 ? data.Snapshot(data.LastPeriod.Previous) : null;
        var calculator = env.Get<RegionalProgressCalculator>();
        var options = env.Get<IOptions<ReportingOptions>>().Value;
        // Both quarters are indexed: the previous one gives the change since last quarter.
        var rows = current.CurrentRows.Values.Sum(r => (long)r.Count) + (previous?.CurrentRows.Values.Sum(r => (long)r.Count) ?? 0);

        calculator.Calculate(env.Catalog, env.Units, current, previous, options);
        var timings = new Timings();
        MemoryUse? memory = null;
        for (var i = 0; i < iterations; i++)
        {
            using var sampler = i == 0 ? MemorySampler.Start() : null;
            var clock = Stopwatch.StartNew();
            calculator.Calculate(env.Catalog, env.Units, current, previous, options);
            clock.Stop();
            memory = sampler?.Stop() ?? memory;
            timings.Add(clock.Elapsed);
        }

        return
        [
            new BenchLine
            {
                Section = BenchSections.Digest, Scale = env.Scale.Name, Step = CalculateStep,
                Ms = timings.Median, P95Ms = timings.P95, Iterations = timings.Count, Rows = rows,
                PeakManagedBytes = memory?.PeakManagedBytes, PeakWorkingSetBytes = memory?.PeakWorkingSetBytes, AllocatedBytes = memory?.AllocatedBytes,
            },
        ];
    }
}
