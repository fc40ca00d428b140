using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Bench;

/// <summary>
/// The digest: its model (<see cref="RegionalProgressCalculator.Calculate"/> over every unit's current rows for the
/// last quarter and the one before) and the e-mail rendered from it (<see cref="DigestComposer.Compose(RegionalProgress, DigestChanges?, Language)"/>).
/// </summary>
public static class DigestBench
{
    public const string CalculateStep = "regional model (RegionalProgressCalculator)";
    public const string ComposeStep = "digest e-mail (DigestComposer)";

    public static IReadOnlyList<BenchLine> Run(BenchEnvironment env, int iterations)
    {
        var data = env.Data;
        var current = data.Snapshot(data.LastPeriod);
        var previous = data.Periods.Count > 1 ? data.Snapshot(data.LastPeriod.Previous) : null;
        var calculator = env.Get<RegionalProgressCalculator>();
        var composer = env.Get<DigestComposer>();
        var options = env.Get<IOptions<ReportingOptions>>().Value;
        // Both quarters are indexed: the previous one gives the change since last quarter.
        var rows = current.CurrentRows.Values.Sum(r => (long)r.Count) + (previous?.CurrentRows.Values.Sum(r => (long)r.Count) ?? 0);

        var progress = calculator.Calculate(env.Catalog, env.Units, current, previous, options);
        var cells = progress.Activities.Sum(a => (long)a.Units.Count);
        var calculate = Measure(iterations, () => calculator.Calculate(env.Catalog, env.Units, current, previous, options));
        var compose = Measure(iterations, () => composer.Compose(progress, null, Language.Es));

        return
        [
            Line(env, CalculateStep, calculate, rows),
            Line(env, ComposeStep, compose, cells),
        ];
    }

    private static (Timings Timings, MemoryUse Memory) Measure(int iterations, Func<object> step)
    {
        step(); // warm-up
        var timings = new Timings();
        MemoryUse? memory = null;
        for (var i = 0; i < iterations; i++)
        {
            using var sampler = i == 0 ? MemorySampler.Start() : null;
            var clock = StepClock.StartNew();
            GC.KeepAlive(step());
            clock.Stop();
            memory = sampler?.Stop() ?? memory;
            timings.Add(clock);
        }
        return (timings, memory!);
    }

    private static BenchLine Line(BenchEnvironment env, string step, (Timings Timings, MemoryUse Memory) m, long rows) => new()
    {
        Section = BenchSections.Digest, Scale = env.Scale.Name, Step = step,
        Ms = m.Timings.Median, CpuMs = m.Timings.CpuMedian, P95Ms = m.Timings.P95, Iterations = m.Timings.Count, Rows = rows,
        PeakManagedBytes = m.Memory.PeakManagedBytes, PeakWorkingSetBytes = m.Memory.PeakWorkingSetBytes, AllocatedBytes = m.Memory.AllocatedBytes,
    };
}
