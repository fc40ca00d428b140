using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Bench;

/// <summary>
/// Ingestion of filled sheets the way the trigger does it (<see cref="SubmissionIngestor.IngestAsync"/> on a blob
/// already in the uploads container), against reading the same file with a bare streaming reader. Each iteration
/// ingests a different unit-and-quarter, so every one is a genuine merge (a repeated file would be a no-op duplicate),
/// and later quarters find their predecessor, as they would in production.
/// </summary>
public static class IngestionBench
{
    public const string IngestStep = "ingest one sheet (validate + merge into Azurite)";
    public const string ValidateStep = "validate one sheet (no storage)";
    public const string NotifyStep = "then mail the focal point the verdict (outbox in Azurite)";
    public const double TargetRatio = 3;

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, bool targeted, CancellationToken ct)
    {
        var scale = env.Scale;
        var sheets = Sheets(env).Take(scale.Warmup + scale.Iterations).ToList();
        if (sheets.Count < scale.Warmup + scale.Iterations)
            throw new InvalidOperationException($"Scale {scale.Name} has too few unit-quarters for {scale.Warmup + scale.Iterations} sheets.");
        var rows = sheets[0].Rows;

        var container = env.Get<BlobServiceClient>().GetBlobContainerClient(env.Get<StorageLayout>().Uploads);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var ingestor = env.Get<SubmissionIngestor>();
        var validator = env.Get<UploadValidator>();

        var ingest = new Timings();
        var validate = new Timings();
        var notify = new Timings();
        var floor = new Timings();
        MemoryUse? memory = null;
        using var requests = new StorageRequestCounter();
        long timedRequests = 0;
        var timedStorage = TimeSpan.Zero;
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var timed = i >= scale.Warmup;
            var blob = container.GetBlobClient(new UploadPath(sheet.Unit.Code, sheet.Period, "informe.xlsx").BlobName);
            await blob.UploadAsync(new BinaryData(sheet.Content), new BlobUploadOptions(), ct);

            using var sampler = timed && memory is null ? MemorySampler.Start() : null;
            var (requestsBefore, storageBefore) = (requests.Requests, requests.Time);
            var clock = StepClock.StartNew();
            // The trigger's IngestAsync in its two halves: the merge (the target) and the mail that follows it.
            var merged = await ingestor.MergeAsync(blob, ct);
            clock.Stop();
            var result = merged.Result;
            if (timed)
            {
                timedRequests += requests.Requests - requestsBefore;
                timedStorage += requests.Time - storageBefore;
            }
            memory = sampler?.Stop() ?? memory;
            if (result.Outcome != IngestionOutcome.Accepted)
            {
                throw new InvalidOperationException($"Bench sheet {blob.Name} was not accepted ({result.Outcome}): " +
                    string.Join("; ", result.Report.Errors.Select(e => e.Message)));
            }

            if (timed) ingest.Add(clock);

            clock.Restart();
            await ingestor.NotifyAsync(merged, ct);
            clock.Stop();
            if (timed) notify.Add(clock);

            var expectation = new UploadExpectation(sheet.Unit.Code, sheet.Period, FileName: "informe.xlsx");
            clock.Restart();
            await validator.CheckAsync(new MemoryStream(sheet.Content, writable: false), expectation, null, ct);
            clock.Stop();
            if (timed) validate.Add(clock);

            clock.Restart();
            StreamingFloors.ReadSheet(sheet.Content);
            clock.Stop();
            if (timed) floor.Add(clock);
        }

        var target = targeted ? $"≤ {TargetRatio:0}× floor" : null;
        return
        [
            new BenchLine
            {
                Section = BenchSections.Ingestion, Scale = scale.Name, Step = IngestStep,
                Ms = ingest.Median, P95Ms = ingest.P95, Iterations = ingest.Count, Rows = rows,
                FloorMs = floor.Median, CpuMs = ingest.CpuMedian, FloorCpuMs = floor.CpuMedian, PeakManagedBytes = memory?.PeakManagedBytes, PeakWorkingSetBytes = memory?.PeakWorkingSetBytes,
                AllocatedBytes = memory?.AllocatedBytes, OutputBytes = sheets[0].Content.Length,
                Target = target, Met = targeted ? ingest.Median <= TargetRatio * floor.Median : null,
            },
            new BenchLine
            {
                Section = BenchSections.Ingestion, Scale = scale.Name, Step = ValidateStep,
                Ms = validate.Median, P95Ms = validate.P95, Iterations = validate.Count, Rows = rows, FloorMs = floor.Median,
                CpuMs = validate.CpuMedian, FloorCpuMs = floor.CpuMedian,
            },
            new BenchLine
            {
                Section = BenchSections.Ingestion, Scale = scale.Name, Step = NotifyStep,
                Ms = notify.Median, P95Ms = notify.P95, Iterations = notify.Count, CpuMs = notify.CpuMedian,
            },
            new BenchLine
            {
                // Mean, not median, summed over requests that partly overlap: it can exceed the merge's wall time.
                Section = BenchSections.Ingestion, Scale = scale.Name,
                Step = $"  storage: {(double)timedRequests / ingest.Count:0.#} requests to Azurite, partly concurrent (mean, time summed)",
                Ms = timedStorage.TotalMilliseconds / ingest.Count, Iterations = ingest.Count,
            },
        ];
    }

    private sealed record Sheet(ReportingUnit Unit, ReportingPeriod Period, byte[] Content, int Rows);

    /// <summary>Filled sheets of the countries (they report the most activities), unit by unit, quarter by quarter.</summary>
    private static IEnumerable<Sheet> Sheets(BenchEnvironment env)
    {
        var writer = env.Get<TemplateWriter>();
        var filler = new SampleSheetFiller(env.Plans);
        foreach (var unit in env.Units.Countries)
        {
            foreach (var period in env.Data.Periods)
            {
                var template = writer.Write(unit, period, unit.Language);
                yield return new Sheet(unit, period, filler.Fill(template, unit, period), env.Catalog.ActivitiesFor(unit).Count);
            }
        }
    }
}
