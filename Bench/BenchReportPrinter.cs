using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessPlan.Bench;

/// <summary>Prints a <see cref="BenchReport"/>: a side-by-side table for people, or JSON for scripts.</summary>
public static class BenchReportPrinter
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static Task PrintJsonAsync(TextWriter output, BenchReport report) =>
        output.WriteLineAsync(JsonSerializer.Serialize(report, JsonOptions));

    public static async Task PrintTableAsync(TextWriter output, BenchReport report)
    {
        var m = report.Machine;
        await output.WriteLineAsync($"serverlessplan bench --scale {report.Scale}: {m.Cores} cores, {m.Cpu}, {m.Runtime}, {m.GcMode} GC");
        foreach (var s in report.Scales)
        {
            await output.WriteLineAsync($"  {s.Name}: {s.Units} units × {s.Activities} activities × {s.Quarters} quarters = {s.TidyRows:N0} tidy rows; " +
                $"ingestion {s.Warmup} warm-up + {s.Iterations} timed sheets");
        }

        await output.WriteLineAsync();

        var table = new List<string[]>
        {
            new[] { "section", "scale", "step", "ours (median / p95)", "floor", "ratio", "target", "met?", "cpu ratio", "rows", "rows/s", "peak managed / WS", "allocated", "size" },
        };
        foreach (var l in report.Lines)
        {
            table.Add(
            [
                l.Section, l.Scale, l.Step,
                l.P95Ms is { } p95 && l.Iterations > 1 ? $"{Ms(l.Ms)} / {Ms(p95)}" : Ms(l.Ms),
                l.FloorMs is { } f ? Ms(f) : "—",
                l.Ratio is { } r ? $"{r:0.0}×" : "—",
                l.Target ?? "—",
                l.Met is { } met ? met ? "yes" : "NO" : "—",
                l.CpuRatio is { } cr ? $"{cr:0.0}×" : "—",
                l.Rows > 0 ? l.Rows.ToString("N0", CultureInfo.InvariantCulture) : "—",
                (l.RowsPerSecond is { } rps ? rps.ToString("N0", CultureInfo.InvariantCulture) : "—")
                    + (l.SheetsPerSecond is { } sps ? string.Create(CultureInfo.InvariantCulture, $" ({sps:0.0} sheets/s, {l.Concurrency} at a time)") : ""),
                l.PeakManagedBytes is { } pm ? $"{Bytes(pm)} / {Bytes(l.PeakWorkingSetBytes ?? 0)}" : "—",
                l.AllocatedBytes is { } a ? Bytes(a) : "—",
                l.OutputBytes is { } o ? Bytes(o) : "—",
            ]);
        }

        await WriteTableAsync(output, table);

        if (report.Scaling.Count > 0)
        {
            await output.WriteLineAsync();
            var scaling = new List<string[]> { new[] { "section", "step", "rows/s (smaller)", "rows/s (larger)", "ratio", "target", "met?" } };
            foreach (var s in report.Scaling)
            {
                scaling.Add(
                [
                    s.Section, s.Step,
                    $"{s.SmallRowsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} ({s.SmallScale}, {s.SmallRows:N0} rows)",
                    $"{s.LargeRowsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} ({s.LargeScale}, {s.LargeRows:N0} rows)",
                    $"{s.Ratio:0.00}", $"≥ {BenchScaling.Threshold:0.0} (linear or better)", s.Met ? "yes" : "NO",
                ]);
            }

            await WriteTableAsync(output, scaling);
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Times are wall-clock ms on this machine; the ratios are what carry across machines. Peak managed is the heap");
        await output.WriteLineAsync("above the step's starting baseline; WS is the whole process's peak working set; allocated is the step's total.");
        await output.WriteLineAsync("Targets are judged on wall-clock medians; the cpu ratio (this process's CPU time, ours ÷ floor) is steadier");
        await output.WriteLineAsync("when other work shares the machine, but leaves out Azurite's share of ingestion.");
    }

    private static async Task WriteTableAsync(TextWriter output, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
    }

    private static string Ms(double ms) => ms switch
    {
        >= 10_000 => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.0} s"),
        >= 100 => string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms"),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KiB"),
    };
}
