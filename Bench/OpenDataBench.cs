using CsvHelper;
using Parquet;
using ServerlessPlan.Core.OpenData;

namespace ServerlessPlan.Bench;

/// <summary>
/// The open-data package for all quarters (<see cref="OpenDataExporter.WritePackageAsync(IPackageTarget, DatasetScope, DatasetFormat, DateTimeOffset?, CancellationToken)"/>:
/// five tables and the descriptor, rows read from Azurite) in CSV and in Parquet, each beside a bare write of the same
/// progress rows — read from the same storage by the same loader — with the same library and no more code than the
/// library needs (CsvHelper's defaults, every value as text; Parquet.Net's typed column writes of plain arrays, one per
/// column and row group).
/// The reading alone is shown on a line of its own: it is most of either.
/// </summary>
public static class OpenDataBench
{
    public const string CsvStep = "open-data package, all quarters, CSV (OpenDataExporter)";
    public const string ParquetStep = "open-data package, all quarters, Parquet (OpenDataExporter)";
    public const string SourceStep = "progress rows read from storage alone";
    public const double TargetRatio = 2;
    public const long TargetBytes = 2L * 1024 * 1024 * 1024;

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, TextWriter progress, bool targeted, CancellationToken ct)
    {
        var periods = env.Data.Periods;
        await progress.WriteLineAsync($"[{env.Scale.Name}] open data: storing {env.Units.All.Count} units' current submissions for {periods.Count} quarters…");
        foreach (var period in periods) await PortalBench.SeedAsync(env, period, ct);

        var exporter = env.Get<OpenDataExporter>();
        var reader = env.Get<PeriodRecordReader>();
        var rows = env.Get<DatasetRows>();
        var iterations = env.Scale == BenchScale.Large ? 1 : 3;
        var lines = new List<BenchLine>();
        var dir = Directory.CreateTempSubdirectory("serverlessplan-bench-opendata");
        try
        {
            foreach (var format in new[] { DatasetFormat.Csv, DatasetFormat.Parquet })
            {
                await progress.WriteLineAsync($"[{env.Scale.Name}] open data: the package in {format}…");
                var file = Path.Combine(dir.FullName, "floor." + format.Extension());
                var ours = await MeasureAsync(iterations, async token =>
                {
                    var target = new DirectoryPackageTarget(Path.Combine(dir.FullName, format.Extension()));
                    var summary = await exporter.WritePackageAsync(target, DatasetScope.All, format, asOf: null, token)
                        ?? throw new InvalidOperationException("The seeded quarters wrote no package.");
                    target.Commit();
                    return (summary.Rows["progress"], Directory.GetFiles(target.FullPath).Sum(f => new FileInfo(f).Length));
                }, ct);
                var floor = await MeasureAsync(iterations, async token =>
                {
                    var source = rows.For(OpenDataSchema.Progress, await reader.ReadAsync(DatasetScope.All, asOf: null, token), token);
                    await using var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                    var n = format == DatasetFormat.Csv ? await BareCsvAsync(output, source, token) : await BareParquetAsync(output, source, token);
                    return (n, output.Length);
                }, ct);

                var peak = ours.Memory.PeakWorkingSetBytes;
                lines.Add(new BenchLine
                {
                    Section = BenchSections.OpenData, Scale = env.Scale.Name, Step = format == DatasetFormat.Csv ? CsvStep : ParquetStep,
                    Ms = ours.Timings.Median, P95Ms = ours.Timings.P95, Iterations = ours.Timings.Count, Rows = ours.Rows,
                    FloorMs = floor.Timings.Median, CpuMs = ours.Timings.CpuMedian, FloorCpuMs = floor.Timings.CpuMedian,
                    PeakManagedBytes = ours.Memory.PeakManagedBytes, PeakWorkingSetBytes = peak, AllocatedBytes = ours.Memory.AllocatedBytes,
                    OutputBytes = ours.OutputBytes,
                    Target = targeted ? $"≤ {TargetRatio:0}× floor; peak < 2 GB" : null,
                    Met = targeted ? ours.Timings.Median <= TargetRatio * floor.Timings.Median && peak < TargetBytes : null,
                });
                lines.Add(new BenchLine
                {
                    Section = BenchSections.OpenData, Scale = env.Scale.Name, Step = $"bare {format} write of the progress rows (floor)",
                    Ms = floor.Timings.Median, P95Ms = floor.Timings.P95, CpuMs = floor.Timings.CpuMedian, Iterations = floor.Timings.Count, Rows = floor.Rows,
                    PeakManagedBytes = floor.Memory.PeakManagedBytes, PeakWorkingSetBytes = floor.Memory.PeakWorkingSetBytes,
                    AllocatedBytes = floor.Memory.AllocatedBytes, OutputBytes = floor.OutputBytes,
                });
            }

            var read = await MeasureAsync(iterations, async token =>
            {
                long n = 0;
                await foreach (var row in rows.For(OpenDataSchema.Progress, await reader.ReadAsync(DatasetScope.All, asOf: null, token), token))
                    n += row.Length > 0 ? 1 : 0;
                return (n, 0L);
            }, ct);
            lines.Add(new BenchLine
            {
                Section = BenchSections.OpenData, Scale = env.Scale.Name, Step = SourceStep,
                Ms = read.Timings.Median, CpuMs = read.Timings.CpuMedian, Iterations = read.Timings.Count, Rows = read.Rows,
                PeakManagedBytes = read.Memory.PeakManagedBytes, PeakWorkingSetBytes = read.Memory.PeakWorkingSetBytes, AllocatedBytes = read.Memory.AllocatedBytes,
            });
            return lines;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>CsvHelper as its defaults write it: a header, then every value as invariant text.</summary>
    private static async Task<long> BareCsvAsync(Stream output, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var field in OpenDataSchema.Progress.Fields) csv.WriteField(field.Name);
        await csv.EndRecordAsync(ct);
        long n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var value in row) csv.WriteField(DatasetValues.Text(value));
            await csv.EndRecordAsync(ct);
            n++;
        }

        await csv.FlushAsync(ct);
        return n;
    }

    /// <summary>Parquet.Net's plain API: the same schema, one typed array per column and row group.</summary>
    private static async Task<long> BareParquetAsync(Stream output, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var schema = ParquetTableWriter.Schema(OpenDataSchema.Progress);
        var fields = schema.GetDataFields();
        await using var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: ct);
        var buffer = new List<object?[]>(ParquetTableWriter.RowGroupRows);
        long n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            buffer.Add(row);
            n++;
            if (buffer.Count == ParquetTableWriter.RowGroupRows) await FlushAsync(writer, fields, buffer, ct);
        }

        if (buffer.Count > 0) await FlushAsync(writer, fields, buffer, ct);
        return n;
    }

    private static async Task FlushAsync(ParquetWriter writer, Parquet.Schema.DataField[] fields, List<object?[]> buffer, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++) await ColumnAsync(group, fields[c], buffer, c, ct);
        buffer.Clear();
    }

    /// <summary>One column of the row group as the typed array Parquet.Net takes for its type and nullability.</summary>
    private static Task ColumnAsync(ParquetRowGroupWriter group, Parquet.Schema.DataField field, List<object?[]> rows, int c, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(long)) return field.IsNullable ? Optional<long>(group, field, rows, c, ct) : Required<long>(group, field, rows, c, ct);
        if (type == typeof(double)) return field.IsNullable ? Optional<double>(group, field, rows, c, ct) : Required<double>(group, field, rows, c, ct);
        if (type == typeof(bool)) return field.IsNullable ? Optional<bool>(group, field, rows, c, ct) : Required<bool>(group, field, rows, c, ct);
        if (type == typeof(DateTime))
        {
            var instants = rows.Select(r => r[c] is DateTimeOffset at ? at.UtcDateTime : (DateTime?)null).ToArray();
            return group.WriteAsync(field, new ReadOnlyMemory<DateTime?>(instants), cancellationToken: ct);
        }

        return group.WriteAsync(field, rows.Select(r => (string?)r[c]).ToArray()!);
    }

    private static Task Required<T>(ParquetRowGroupWriter group, Parquet.Schema.DataField field, List<object?[]> rows, int c, CancellationToken ct)
        where T : struct =>
        group.WriteAsync(field, new ReadOnlyMemory<T>(rows.Select(r => (T)r[c]!).ToArray()), cancellationToken: ct);

    private static Task Optional<T>(ParquetRowGroupWriter group, Parquet.Schema.DataField field, List<object?[]> rows, int c, CancellationToken ct)
        where T : struct =>
        group.WriteAsync(field, new ReadOnlyMemory<T?>(rows.Select(r => (T?)r[c]).ToArray()), cancellationToken: ct);

    private sealed record Measured(Timings Timings, long Rows, MemoryUse Memory, long OutputBytes);

    /// <summary>An untimed warm-up when there is more than one iteration, then the timed runs; memory is that of the first timed run.</summary>
    private static async Task<Measured> MeasureAsync(int iterations, Func<CancellationToken, Task<(long Rows, long Bytes)>> step, CancellationToken ct)
    {
        var timings = new Timings();
        (long Rows, long Bytes) result = default;
        MemoryUse? memory = null;
        for (var i = iterations > 1 ? -1 : 0; i < iterations; i++)
        {
            using var sampler = i == 0 ? MemorySampler.Start() : null;
            var clock = StepClock.StartNew();
            result = await step(ct);
            clock.Stop();
            memory = sampler?.Stop() ?? memory;
            if (i >= 0) timings.Add(clock);
        }

        return new Measured(timings, result.Rows, memory!, result.Bytes);
    }
}
