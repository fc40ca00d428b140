using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Bench;

/// <summary>
/// The deadline: every unit of the scale uploads its quarter at once (the previous quarter already stored, as it would
/// be), and each upload is ingested as soon as it lands, as the blob trigger runs it (<see cref="SubmissionIngestor.IngestAsync"/>),
/// at most <see cref="HostJson.BlobMaxDegreeOfParallelism"/> at a time, as one instance of the Functions host allows.
/// The first delivery in every ten arrives twice (Event Grid delivers at least once). Measured: the burst's wall time (first upload
/// to last verdict), each sheet's time from its upload to its verdict, peak memory; then the Submissions table is read
/// back to check that every sheet ended current exactly once, none lost, none doubled.
/// </summary>
public static class BurstBench
{
    public const string BurstStep = "burst: every unit uploads at once, ingested at the host's concurrency";
    public const string VerdictStep = "  time from upload to verdict, per sheet (p50 / p95)";
    public const string TriggerStep = "  of which the trigger's own run, per delivery (p50 / p95)";
    public const string CheckStep = "  every sheet current exactly once (Submissions read back)";
    public const int RedeliverEvery = 10;

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, TextWriter progress, CancellationToken ct)
    {
        var scale = env.Scale;
        var period = env.Data.LastPeriod;
        var sheets = Sheets(env, period);
        await SeedPreviousQuarterAsync(env, period.Previous, ct);
        var container = env.Get<BlobServiceClient>().GetBlobContainerClient(env.Get<StorageLayout>().Uploads);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var ingestor = env.Get<SubmissionIngestor>();
        var degree = HostJson.BlobMaxDegreeOfParallelism();
        await progress.WriteLineAsync($"[{scale.Name}] burst: {sheets.Count} sheets, {sheets.Sum(s => s.Rows):N0} rows, ingested {degree} at a time…");

        using var slots = new SemaphoreSlim(degree);
        var outcomes = new ConcurrentBag<(string Unit, IngestionOutcome Outcome)>();
        // Per sheet, its first verdict: a second delivery of the same upload tells nobody anything new.
        var verdicts = new TimeSpan[sheets.Count];
        var runs = new ConcurrentBag<TimeSpan>();
        using var sampler = MemorySampler.Start();
        var clock = StepClock.StartNew();
        var burst = Stopwatch.StartNew();
        await Task.WhenAll(sheets.Select((sheet, i) => Task.Run(async () =>
        {
            var blob = container.GetBlobClient(new UploadPath(sheet.Unit.Code, period, "informe.xlsx").BlobName);
            await blob.UploadAsync(new BinaryData(sheet.Content), new BlobUploadOptions(), ct);
            var arrived = burst.Elapsed;
            var deliveries = i % RedeliverEvery == 0 ? 2 : 1;
            var done = await Task.WhenAll(Enumerable.Range(0, deliveries).Select(async _ =>
            {
                await slots.WaitAsync(ct);
                try
                {
                    var started = burst.Elapsed;
                    var result = await ingestor.IngestAsync(blob, ct);
                    var finished = burst.Elapsed;
                    outcomes.Add((sheet.Unit.Code, result.Outcome));
                    runs.Add(finished - started);
                    return finished - arrived;
                }
                finally
                {
                    slots.Release();
                }
            }));
            verdicts[i] = done.Min();
        }, ct)));
        clock.Stop();
        var memory = sampler.Stop();

        var check = Stopwatch.StartNew();
        var problems = await CheckAsync(env, period, sheets, outcomes, ct);
        check.Stop();
        foreach (var problem in problems) await progress.WriteLineAsync($"[{scale.Name}] burst check: {problem}");

        var perSheet = new Timings();
        foreach (var verdict in verdicts) perSheet.Add(verdict);
        var perRun = new Timings();
        foreach (var run in runs) perRun.Add(run);
        var rows = sheets.Sum(s => (long)s.Rows);
        return
        [
            new BenchLine
            {
                Section = BenchSections.Burst, Scale = scale.Name, Step = BurstStep,
                Ms = clock.Elapsed.TotalMilliseconds, CpuMs = clock.Cpu.TotalMilliseconds, Iterations = sheets.Count, Rows = rows,
                SheetsPerSecond = sheets.Count / clock.Elapsed.TotalSeconds, Concurrency = degree, Deliveries = outcomes.Count,
                PeakManagedBytes = memory.PeakManagedBytes, PeakWorkingSetBytes = memory.PeakWorkingSetBytes, AllocatedBytes = memory.AllocatedBytes,
            },
            new BenchLine
            {
                Section = BenchSections.Burst, Scale = scale.Name, Step = VerdictStep,
                Ms = perSheet.Median, P95Ms = perSheet.P95, Iterations = perSheet.Count,
            },
            new BenchLine
            {
                Section = BenchSections.Burst, Scale = scale.Name, Step = TriggerStep,
                Ms = perRun.Median, P95Ms = perRun.P95, Iterations = perRun.Count,
            },
            new BenchLine
            {
                Section = BenchSections.Burst, Scale = scale.Name, Step = CheckStep,
                Ms = check.Elapsed.TotalMilliseconds, Iterations = sheets.Count,
                Target = $"{sheets.Count} of {sheets.Count}, none lost or doubled", Met = problems.Count == 0,
            },
        ];
    }

    private sealed record Sheet(ReportingUnit Unit, byte[] Content, string SubmissionId, int Rows);

    /// <summary>
    /// One filled sheet per unit that reports anything (the Secretaría Técnica reports only shared activities, of which
    /// the tiny plan has none), written on every core: at the large scale it is most of the setup.
    /// </summary>
    private static List<Sheet> Sheets(BenchEnvironment env, ReportingPeriod period)
    {
        var writer = env.Get<TemplateWriter>();
        var filler = new SampleSheetFiller(env.Plans);
        var units = env.Units.All.Where(u => env.Catalog.ActivitiesFor(u).Count > 0).ToList();
        var sheets = new Sheet[units.Count];
        Parallel.For(0, sheets.Length, i =>
        {
            var unit = units[i];
            var content = filler.Fill(writer.Write(unit, period, unit.Language), unit, period);
            sheets[i] = new Sheet(unit, content, Convert.ToHexStringLower(SHA256.HashData(content)), env.Catalog.ActivitiesFor(unit).Count);
        });
        return [.. sheets];
    }

    /// <summary>Every unit's previous quarter, current in the tables, so each upload reads its predecessor as it would.</summary>
    private static async Task SeedPreviousQuarterAsync(BenchEnvironment env, ReportingPeriod previous, CancellationToken ct)
    {
        var progress = env.Get<ProgressStore>();
        var submissions = env.Get<SubmissionStore>();
        var snapshot = env.Data.Snapshot(previous);
        await Parallel.ForEachAsync(snapshot.Submissions.History, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (entry, token) =>
        {
            await progress.WriteAsync(entry.PartitionKey, entry.RowKey, snapshot.CurrentRows[entry.Unit], token);
            await submissions.PromoteAsync(entry, token);
        });
    }

    /// <summary>What is wrong with the tables after the burst, in words; empty when every sheet is current exactly once.</summary>
    private static async Task<List<string>> CheckAsync(BenchEnvironment env, ReportingPeriod period, List<Sheet> sheets,
        ConcurrentBag<(string Unit, IngestionOutcome Outcome)> outcomes, CancellationToken ct)
    {
        var stored = await env.Get<SubmissionStore>().ListPeriodAsync(period, ct);
        var progress = env.Get<ProgressStore>();
        var submissions = env.Get<SubmissionStore>();
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(sheets, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (sheet, token) =>
        {
            var unit = sheet.Unit.Code;
            var pointers = stored.Pointers.Where(p => p.Unit == unit).ToList();
            var history = stored.History.Where(h => h.Unit == unit).ToList();
            var accepted = outcomes.Count(o => o.Unit == unit && o.Outcome == IngestionOutcome.Accepted);
            if (pointers.Count != 1 || pointers[0].SubmissionId != sheet.SubmissionId) problems.Add($"{unit}: lost (its sheet is not current)");
            if (history.Count != 1 || history[0].StatusValue != SubmissionStatus.Current) problems.Add($"{unit}: {history.Count} history entries, expected one current");
            if (accepted != 1) problems.Add($"{unit}: accepted {accepted} times, expected once");
            var rows = await progress.ReadCurrentAsync(submissions, unit, period, token);
            if (rows.Count != sheet.Rows) problems.Add($"{unit}: {rows.Count} current rows, expected {sheet.Rows}");
        });
        var others = stored.Pointers.Select(p => p.Unit).Except(sheets.Select(s => s.Unit.Code)).ToList();
        if (others.Count > 0) problems.Add($"pointers for units that did not upload: {string.Join(", ", others)}");
        return [.. problems.Order(StringComparer.Ordinal)];
    }
}
