using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.PlanMatrix;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;
using static ServerlessPlan.Bench.PortalBench;

namespace ServerlessPlan.Bench;

/// <summary>
/// The trends page as a reader gets it, over HTTP from the local server on Azurite with every unit's current submission
/// of every quarter of the scale stored: the series computed once per set of current submissions, then served from the
/// cache — beside the storage reads the first computation needs and the key read a cached request makes. Then the plan
/// matrix filled from the same series (<see cref="FilledPlanMatrixWriter"/>), against a bare streaming write of the
/// same cells (<see cref="StreamingFloors.WriteGrid"/>).
/// </summary>
public static class TrendsBench
{
    public const string PageStep = "trends page, series cached (GET /" + PortalRoutes.Trends + ", every quarter)";
    public const string MatrixStep = "plan matrix filled (FilledPlanMatrixWriter, OpenXmlWriter forward-only)";
    public const double PageTargetMs = 300;
    public const double MatrixTargetRatio = 2;

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, TextWriter progress, bool targeted, CancellationToken ct)
    {
        var data = env.Data;
        var periods = data.Periods;
        await progress.WriteLineAsync($"[{env.Scale.Name}] trends: storing {env.Units.All.Count} units' current submissions for {periods.Count} quarters…");
        var seeding = Stopwatch.StartNew();
        foreach (var p in periods) await SeedAsync(env, p, ct);
        await progress.WriteLineAsync($"[{env.Scale.Name}] trends: stored in {seeding.Elapsed.TotalSeconds:0.0} s");

        var settings = env.Settings.ToDictionary(s => s.Key, s => s.Value);
        settings["Portal:DevelopmentSignIn"] = "true";
        await using var server = await StartServerAsync(env, data.LastPeriod, settings);
        using var client = Reader(server);
        var path = PortalRoutes.Trends + $"?plan={Uri.EscapeDataString(env.Catalog.Id)}&from={periods[0]}&to={periods[^1]}";
        var iterations = env.Scale == BenchScale.Tiny ? 3 : 30;
        // Reading and computing every quarter takes a minute or more at large: once there (the first request is
        // another), three times below it.
        var computations = env.Scale == BenchScale.Tiny ? 2 : env.Scale == BenchScale.Large ? 1 : 3;
        var writes = env.Scale == BenchScale.Tiny ? 2 : 10;

        await progress.WriteLineAsync($"[{env.Scale.Name}] trends: the page, {iterations} requests, and its reads…");
        var first = await TimeAsync(1, () => GetAsync(client, path, ct), warmUp: false);
        var cached = await TimeAsync(iterations, () => GetAsync(client, path, ct));

        var submissions = server.Services.GetRequiredService<SubmissionStore>();
        var loader = server.Services.GetRequiredService<ProgressSnapshotLoader>();
        var trends = server.Services.GetRequiredService<TrendService>();
        var range = new TrendRange(env.Catalog, periods[0], periods[^1]);
        var keys = await TimeAsync(iterations, async () => (await submissions.ListPointersAsync(periods[0], periods[^1], ct)).Count);
        // What a cached request spends rendering: the page component from the cached series, in process (no HTTP, no key read).
        var cachedSeries = await trends.GetAsync(range, ct);
        var context = new PortalContext(new DefaultHttpContext().Request, null, Language.Es, developmentSignIn: false);
        var render = await TimeAsync(iterations, () => Task.FromResult((long)Layout.Page<TrendsPage>(context, new()
        {
            [nameof(TrendsPage.Series)] = cachedSeries,
            [nameof(TrendsPage.Range)] = range,
            [nameof(TrendsPage.Plans)] = new List<PlanCatalog> { env.Catalog },
            [nameof(TrendsPage.Crumbs)] = CoalitionNav.Crumbs(context, "Tendencias"),
        }).Value.Length));
        var reads = await TimeAsync(computations, async () =>
        {
            long rows = 0;
            foreach (var p in periods) rows += (await loader.LoadValuesAsync(p, ct)).CurrentRows.Values.Sum(r => r.Count);
            return rows;
        }, warmUp: false);
        var computed = await TimeAsync(computations, async () => (await trends.ComputeAsync(range, ct)).Quarters.Count, warmUp: false);

        await progress.WriteLineAsync($"[{env.Scale.Name}] trends: the plan matrix filled…");
        var series = await trends.GetAsync(range, ct);
        var matrix = FilledPlanMatrix.Of(series, periods[^1], DateTimeOffset.UtcNow, _ => DateTimeOffset.MinValue);
        var writer = new FilledPlanMatrixWriter();
        // Side by side, alternating, so that a change of load on the machine falls on both.
        var (ours, floor) = WriteSideBySide(writes,
            output => { writer.Write(output, matrix, Language.Es); return matrix.Plan.Activities.Count; },
            output => StreamingFloors.WriteGrid(output, Cells(matrix)));

        return
        [
            Line(env, PageStep, cached.Timings, cached.Bytes, keys.Timings.Median,
                targeted ? $"p95 < {PageTargetMs:0} ms" : null, targeted ? cached.Timings.P95 < PageTargetMs : null),
            Line(env, "trends page's key read when cached (pointers of every quarter, one range query)", keys.Timings, 0, null),
            Line(env, "trends page's rendering when cached (the page component from the series, in process)", render.Timings, 0, null),
            Line(env, "trends page, first request (series computed: every quarter read and calculated)", first.Timings, first.Bytes, reads.Timings.Median),
            Line(env, "series computed again without the cache (TrendService.ComputeAsync)", computed.Timings, 0, reads.Timings.Median),
            Line(env, "storage reads the first computation needs (every current sheet of every quarter)", reads.Timings, 0, null, rows: reads.Bytes),
            Line(env, MatrixStep, ours.Timings, ours.Bytes, floor.Timings.Median,
                targeted ? $"≤ {MatrixTargetRatio:0}× floor" : null, targeted ? ours.Timings.Median <= MatrixTargetRatio * floor.Timings.Median : null),
            Line(env, "bare streaming write of the same cells (floor)", floor.Timings, floor.Bytes, null),
        ];
    }

    /// <summary>The matrix's cells as the writer fills them: a band row per axis and strategic objective, then per activity its texts and each year's two numbers.</summary>
    private static IEnumerable<IReadOnlyList<object?>> Cells(FilledPlanMatrix matrix)
    {
        yield return [FilledPlanMatrixTexts.Title(matrix.Plan, Language.Es)];
        yield return [FilledPlanMatrixTexts.Explanation(matrix, Language.Es)];
        yield return ["Código", "Objetivo operativo", "Actividad", "Meta", "Indicador", "Responsable", .. matrix.Years.SelectMany(y => new object?[] { FilledPlanMatrixTexts.Year(y, Language.Es), null })];
        yield return [null, null, null, null, null, null, .. matrix.Years.SelectMany(_ => new object?[] { "Programado", "Ejecutado" })];
        foreach (var axis in matrix.Plan.Axes)
        {
            yield return [FilledPlanMatrixTexts.Axis(axis, Language.Es)];
            foreach (var strategic in axis.StrategicObjectives)
            {
                yield return [FilledPlanMatrixTexts.Strategic(strategic, Language.Es)];
                foreach (var operational in strategic.OperationalObjectives)
                {
                    foreach (var a in operational.Activities)
                    {
                        yield return [a.Code, $"{operational.Label} {operational.Text}", $"{a.Label} {a.Text}", a.Meta, a.Indicador, a.Responsable,
                            .. matrix.Years.SelectMany(y => new object?[] { (double?)a.ForYear(y.Year)?.Programado, matrix.Ejecutado(a, y.Year)?.RegionalEjecutado })];
                    }
                }
            }
        }
    }

    private static (Measured Ours, Measured Floor) WriteSideBySide(int iterations, Func<Stream, long> ours, Func<Stream, long> floor)
    {
        var path = Path.Combine(Path.GetTempPath(), $"serverlessplan-bench-matrix-{Guid.NewGuid():N}.xlsx");
        try
        {
            var timings = (Ours: new Timings(), Floor: new Timings());
            long oursBytes = 0, floorBytes = 0;
            for (var i = -1; i < iterations; i++)
            {
                var clock = StepClock.StartNew();
                using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)) ours(file);
                clock.Stop();
                oursBytes = new FileInfo(path).Length;
                if (i >= 0) timings.Ours.Add(clock);

                clock = StepClock.StartNew();
                using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)) floor(file);
                clock.Stop();
                floorBytes = new FileInfo(path).Length;
                if (i >= 0) timings.Floor.Add(clock);
            }

            return (new Measured(timings.Ours, oursBytes), new Measured(timings.Floor, floorBytes));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static BenchLine Line(BenchEnvironment env, string step, Timings t, long bytes, double? floorMs, string? target = null, bool? met = null,
        long rows = 0) => new()
    {
        Section = BenchSections.Trends,
        Scale = env.Scale.Name,
        Step = step,
        Ms = t.Median,
        P95Ms = t.P95,
        CpuMs = t.CpuMedian,
        Iterations = t.Count,
        FloorMs = floorMs,
        OutputBytes = bytes > 0 ? bytes : null,
        Rows = rows,
        Target = target,
        Met = met,
    };
}
