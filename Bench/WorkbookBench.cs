using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Bench;

/// <summary>
/// The period's merged workbook (<see cref="MergedWorkbookWriter.WriteAsync"/>) with the tidy rows of every quarter,
/// written to a file, against a bare streaming write of the same rows. Both read the rows from the same lazy
/// generator (<see cref="BenchDataSet.TidyRowsAsync"/>), whose own cost is shown on a line of its own.
/// </summary>
public static class WorkbookBench
{
    public const string WriterStep = "merged workbook (MergedWorkbookWriter)";
    public const string SourceStep = "tidy-row source alone (synthetic)";
    public const double TargetRatio = 2;
    public const long TargetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Same split as the writer's default, so both write the same sheets.</summary>
    private const int RowsPerSheet = 1_000_000;

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, bool targeted, int iterations, CancellationToken ct)
    {
        var data = env.Data;
        var current = data.Snapshot(data.LastPeriod);
        var previous = data.Periods.Count > 1 ? data.Snapshot(data.LastPeriod.Previous) : null;
        var progress = env.Get<RegionalProgressCalculator>().Calculate(env.Catalog, env.Units, current, previous,
            env.Get<IOptions<ReportingOptions>>().Value);
        var writer = env.Get<MergedWorkbookWriter>();

        var path = Path.Combine(Path.GetTempPath(), $"serverlessplan-bench-{Guid.NewGuid():N}.xlsx");
        try
        {
            var ours = await MeasureAsync(path, iterations, async (file, token) =>
                (await writer.WriteAsync(file, env.Catalog, env.Units, progress, current.Submissions, data.TidyRowsAsync(token), token)).DataRows, ct);
            var floor = await MeasureAsync(path, iterations, (file, token) =>
                StreamingFloors.WriteRowsAsync(file, data.TidyRowsAsync(token), RowsPerSheet, token), ct);
            var source = await MeasureAsync(path, iterations, async (file, token) =>
            {
                long n = 0;
                await foreach (var row in data.TidyRowsAsync(token)) n += row.Year > 0 ? 1 : 0;
                return n;
            }, ct);

            var peak = ours.Memory.PeakWorkingSetBytes;
            return
            [
                new BenchLine
                {
                    Section = BenchSections.Workbook, Scale = env.Scale.Name, Step = WriterStep,
                    Ms = ours.Timings.Median, P95Ms = ours.Timings.P95, Iterations = ours.Timings.Count, Rows = ours.Rows,
                    FloorMs = floor.Timings.Median, CpuMs = ours.Timings.CpuMedian, FloorCpuMs = floor.Timings.CpuMedian,
                    PeakManagedBytes = ours.Memory.PeakManagedBytes, PeakWorkingSetBytes = peak, AllocatedBytes = ours.Memory.AllocatedBytes,
                    OutputBytes = ours.OutputBytes,
                    Target = targeted ? $"≤ {TargetRatio:0}× floor; peak < 2 GB" : null,
                    Met = targeted ? ours.Timings.Median <= TargetRatio * floor.Timings.Median && peak < TargetBytes : null,
                },
                new BenchLine
                {
                    Section = BenchSections.Workbook, Scale = env.Scale.Name, Step = "bare streaming write (floor)",
                    Ms = floor.Timings.Median, CpuMs = floor.Timings.CpuMedian, P95Ms = floor.Timings.P95, Iterations = floor.Timings.Count, Rows = floor.Rows,
                    PeakManagedBytes = floor.Memory.PeakManagedBytes, PeakWorkingSetBytes = floor.Memory.PeakWorkingSetBytes,
                    AllocatedBytes = floor.Memory.AllocatedBytes, OutputBytes = floor.OutputBytes,
                },
                new BenchLine
                {
                    Section = BenchSections.Workbook, Scale = env.Scale.Name, Step = SourceStep,
                    Ms = source.Timings.Median, CpuMs = source.Timings.CpuMedian, Iterations = source.Timings.Count, Rows = source.Rows,
                },
            ];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed record Measured(Timings Timings, long Rows, MemoryUse Memory, long OutputBytes);

    /// <summary>
    /// An untimed warm-up when there is more than one iteration (a single run is the large one, after the smaller scale
    /// has warmed everything up), then <paramref name="iterations"/> timed runs; memory is that of the first timed run.
    /// </summary>
    private static async Task<Measured> MeasureAsync(string path, int iterations, Func<Stream, CancellationToken, Task<long>> write,
        CancellationToken ct)
    {
        var timings = new Timings();
        long rows = 0;
        MemoryUse? memory = null;
        for (var i = iterations > 1 ? -1 : 0; i < iterations; i++)
        {
            using var sampler = i == 0 ? MemorySampler.Start() : null;
            var clock = StepClock.StartNew();
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                rows = await write(file, ct);
            clock.Stop();
            memory = sampler?.Stop() ?? memory;
            if (i >= 0) timings.Add(clock);
        }

        return new Measured(timings, rows, memory!, new FileInfo(path).Length);
    }
}
