using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Bench;

/// <summary>
/// The package guard against a 1.5 GiB zip bomb, honestly declared and with lying headers (which only inflating can
/// expose): time and memory to reject it, after one untimed warm-up.
/// </summary>
public static class GuardBench
{
    public const double TargetMs = 1000;
    public const long TargetBytes = 100L * 1024 * 1024;

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, int iterations)
    {
        var inspector = env.Get<PackageInspector>();
        var bomb = ZipBombBuilder.Build();
        return
        [
            await MeasureAsync(inspector, "reject zip bomb (1.5 GiB declared)", bomb, iterations),
            await MeasureAsync(inspector, "reject zip bomb (1.5 GiB, headers lie)", ZipBombBuilder.Lying(bomb), iterations),
        ];
    }

    private static async Task<BenchLine> MeasureAsync(PackageInspector inspector, string step, byte[] bomb, int iterations)
    {
        await RejectAsync(inspector, bomb);
        var timings = new Timings();
        MemoryUse? worst = null;
        for (var i = 0; i < iterations; i++)
        {
            using var sampler = MemorySampler.Start();
            var clock = StepClock.StartNew();
            await RejectAsync(inspector, bomb);
            clock.Stop();
            var use = sampler.Stop();
            timings.Add(clock);
            if (worst is null || use.PeakManagedBytes > worst.PeakManagedBytes) worst = use;
        }

        return new BenchLine
        {
            Section = BenchSections.Guard, Scale = "any", Step = step,
            Ms = timings.Median, CpuMs = timings.CpuMedian, P95Ms = timings.P95, Iterations = timings.Count,
            PeakManagedBytes = worst!.PeakManagedBytes, PeakWorkingSetBytes = worst.PeakWorkingSetBytes, AllocatedBytes = worst.AllocatedBytes,
            OutputBytes = bomb.Length,
            Target = "< 1 s and < 100 MB",
            // Judged on the slowest run and the most memory any run held.
            Met = timings.Max < TargetMs && worst.PeakManagedBytes < TargetBytes,
        };
    }

    private static async Task RejectAsync(PackageInspector inspector, byte[] bomb)
    {
        using var stream = new MemoryStream(bomb, writable: false);
        if ((await inspector.InspectAsync(stream, Language.Es, CancellationToken.None)).Ok)
            throw new InvalidOperationException("The package guard accepted a zip bomb.");
    }
}
