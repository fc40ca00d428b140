using System.Runtime;
using System.Runtime.InteropServices;

namespace ServerlessPlan.Bench;

/// <summary>Runs every measurement at the scales a run covers and gathers the report.</summary>
public sealed class BenchRunner(string storageConnection, TextWriter progress)
{
    /// <summary>Iterations for steps cheap enough to repeat (guard, digest); the large workbook is written once.</summary>
    private const int RepeatedIterations = 5;

    /// <param name="sections">Which of <see cref="BenchSections.All"/> to run (all by default).</param>
    public async Task<BenchReport> RunAsync(BenchScale scale, IReadOnlySet<string> sections, CancellationToken ct)
    {
        var lines = new List<BenchLine>();
        var scales = new List<BenchScaleInfo>();
        foreach (var s in scale.Measured)
        {
            // The targets are set for the large scale; smaller scales are shown beside it.
            var targeted = s == BenchScale.Large;
            await using var env = new BenchEnvironment(s, storageConnection);
            scales.Add(new BenchScaleInfo(s.Name, s.Units, s.Activities, s.Quarters, s.Iterations, s.Warmup, env.Data.TotalRows));

            if (sections.Contains(BenchSections.Ingestion))
            {
                await progress.WriteLineAsync($"[{s.Name}] ingestion: {s.Warmup} warm-up + {s.Iterations} timed sheets…");
                lines.AddRange(await IngestionBench.RunAsync(env, targeted, ct));
            }

            if (sections.Contains(BenchSections.Guard) && lines.All(l => l.Section != BenchSections.Guard))
            {
                await progress.WriteLineAsync($"[{s.Name}] zip bomb…");
                lines.AddRange(await GuardBench.RunAsync(env, s == BenchScale.Tiny ? 2 : RepeatedIterations));
            }

            // Hostile files do not depend on the scale: measured once, in full unless at the smoke-test scale.
            if (sections.Contains(BenchSections.Hostile) && lines.All(l => l.Section != BenchSections.Hostile))
            {
                await progress.WriteLineAsync($"[{s.Name}] hostile uploads…");
                lines.AddRange(await HostileBench.RunAsync(env, full: scale != BenchScale.Tiny, ct));
            }

            if (sections.Contains(BenchSections.Workbook))
            {
                await progress.WriteLineAsync($"[{s.Name}] merged workbook: {env.Data.TotalRows:N0} tidy rows…");
                var workbookIterations = s == BenchScale.Large ? 1 : s == BenchScale.Tiny ? 2 : 3;
                lines.AddRange(await WorkbookBench.RunAsync(env, targeted, workbookIterations, ct));
            }

            if (sections.Contains(BenchSections.Digest))
            {
                await progress.WriteLineAsync($"[{s.Name}] digest…");
                lines.AddRange(DigestBench.Run(env, s == BenchScale.Tiny ? 2 : RepeatedIterations));
            }

            if (sections.Contains(BenchSections.Portal))
            {
                // Storage of its own: the portal's board reads every submission of the period.
                await using var portal = new BenchEnvironment(s, storageConnection);
                lines.AddRange(await PortalBench.RunAsync(portal, progress, targeted, ct));
            }

            if (sections.Contains(BenchSections.OpenData))
            {
                // Storage of its own: every quarter's current submissions, as the package reads them.
                await using var openData = new BenchEnvironment(s, storageConnection);
                lines.AddRange(await OpenDataBench.RunAsync(openData, progress, targeted, ct));
            }

            if (sections.Contains(BenchSections.Trends))
            {
                // Storage of its own: every quarter of the scale is stored.
                await using var trends = new BenchEnvironment(s, storageConnection);
                lines.AddRange(await TrendsBench.RunAsync(trends, progress, targeted, ct));
            }

            // The app's start does not depend on the scale: measured once, with one timed start only at the smoke test's scale.
            if (sections.Contains(BenchSections.ColdStart) && lines.All(l => l.Section != BenchSections.ColdStart))
                lines.AddRange(await ColdStartBench.RunAsync(storageConnection, scale, progress, ct));

            if (sections.Contains(BenchSections.Burst))
            {
                // Storage of its own: the burst checks the Submissions table holds exactly its sheets.
                await using var burst = new BenchEnvironment(s, storageConnection);
                lines.AddRange(await BurstBench.RunAsync(burst, progress, ct));
            }
        }

        return new BenchReport(scale.Name, Machine(), scales, lines, BenchScaling.Compare(lines));
    }

    private static BenchMachine Machine()
    {
        var cpu = "unknown";
        if (File.Exists("/proc/cpuinfo"))
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        var gc = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent");
        return new BenchMachine(Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, cpu, gc);
    }
}
