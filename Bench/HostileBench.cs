using Azure.Storage.Blobs;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Bench;

/// <summary>
/// The hostile uploads (<see cref="HostileWorkbooks"/>) through the trigger's whole path
/// (<see cref="SubmissionIngestor.MergeAsync"/> then <see cref="SubmissionIngestor.NotifyAsync"/>: guard, reader,
/// rules, annotated copy, archive, report, history, mail) beside a normal sheet: time and memory of each, after one
/// untimed run. Every file must end in its expected verdict, or the bench fails.
/// </summary>
public static class HostileBench
{
    public const string NormalStep = "normal sheet (reference)";

    /// <summary>Judged on the managed heap the step held: a quarter of one Flex Consumption instance's 2 GB.</summary>
    public const long TargetManagedBytes = 512L * 1024 * 1024;

    public const double TargetMs = 10_000;

    private sealed record Case(string Step, Func<byte[], byte[], byte[]> Build, string Code, bool Accepted = false);

    /// <param name="full">All cases; otherwise (the tiny smoke scale) the reference and two cheap ones.</param>
    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, bool full, CancellationToken ct)
    {
        var unit = env.Units.Countries.First();
        var period = env.Data.Periods[0];
        var template = env.Get<TemplateWriter>().Write(unit, period, unit.Language);
        var filler = new SampleSheetFiller(env.Plans);
        var valid = filler.Fill(template, unit, period);
        var withErrors = filler.Fill(template, unit, period, SampleKind.WithErrors);

        Case[] cases =
        [
            new(NormalStep, (v, _) => v, "", Accepted: true),
            new("100,000 nested elements in a report cell", (v, _) => HostileWorkbooks.NestedInPart(v, NestingPlace.ReportSheetCell), "XML_TOO_DEEP"),
            new("40,000-character focal point name", (v, _) => HostileWorkbooks.LongFocalName(v), "TEXT_TOO_LONG"),
            .. full
                ? new Case[]
                {
                    new("2.5 M cells in the instructions sheet", (_, e) => HostileWorkbooks.InstructionsFlood(e), "ANNOTATED_COPY_SKIPPED"),
                    new("2.5 M one-cell rows below the table", (v, _) => HostileWorkbooks.OneCellRowsBelow(v), "TOO_MANY_ROWS"),
                    new("300 k coded rows below the table", (v, _) => HostileWorkbooks.CodedRowsBelow(v), "TOO_MANY_ROWS"),
                    new("1 M cell styles", (v, _) => HostileWorkbooks.ManyStyles(v, 1_000_000), "PART_TOO_LARGE"),
                    new("1.5 M shared strings, the last one shown", (v, _) => HostileWorkbooks.HugeSharedStrings(v, 1_500_000, pointAtLast: true), "PART_TOO_LARGE"),
                    new("100,000 nested elements in the content types", (v, _) => HostileWorkbooks.NestedInPart(v, NestingPlace.ContentTypes), "XML_TOO_DEEP"),
                }
                : [],
        ];

        var container = env.Get<BlobServiceClient>().GetBlobContainerClient(env.Get<StorageLayout>().Uploads);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var ingestor = env.Get<SubmissionIngestor>();
        var lines = new List<BenchLine>();
        for (var i = 0; i < cases.Length; i++)
        {
            var hostile = cases[i];
            var bytes = hostile.Build(valid, withErrors);
            var blob = container.GetBlobClient(new UploadPath(unit.Code, period, $"hostile-{i}.xlsx").BlobName);
            // Untimed first: warms the path (a rejected upload is judged again in full). The reference sheet warms up on
            // its rejected twin, so that the timed run is a genuine merge, not a duplicate.
            if (hostile.Accepted)
            {
                await blob.UploadAsync(new BinaryData(withErrors), overwrite: true, ct);
                await IngestAsync(ingestor, blob, hostile with { Accepted = false, Code = "" }, ct);
            }
            await blob.UploadAsync(new BinaryData(bytes), overwrite: true, ct);
            if (!hostile.Accepted) await IngestAsync(ingestor, blob, hostile, ct);

            using var sampler = MemorySampler.Start();
            var clock = StepClock.StartNew();
            var codes = await IngestAsync(ingestor, blob, hostile, ct);
            clock.Stop();
            var use = sampler.Stop();
            lines.Add(new BenchLine
            {
                Section = BenchSections.Hostile, Scale = "any", Step = $"{hostile.Step} → {codes}",
                Ms = clock.Elapsed.TotalMilliseconds, CpuMs = clock.Cpu.TotalMilliseconds,
                PeakManagedBytes = use.PeakManagedBytes, PeakWorkingSetBytes = use.PeakWorkingSetBytes, AllocatedBytes = use.AllocatedBytes,
                OutputBytes = bytes.Length,
                Target = "< 10 s and < 512 MiB",
                Met = clock.Elapsed.TotalMilliseconds < TargetMs && use.PeakManagedBytes < TargetManagedBytes,
            });
        }
        return lines;
    }

    /// <returns>The verdict's codes, for the report.</returns>
    private static async Task<string> IngestAsync(SubmissionIngestor ingestor, BlobClient blob, Case hostile, CancellationToken ct)
    {
        var merged = await ingestor.MergeAsync(blob, ct);
        await ingestor.NotifyAsync(merged, ct);
        var report = merged.Result.Report;
        var codes = report.Errors.Concat(report.Warnings).Select(i => i.Code).Distinct().ToList();
        if (report.Accepted != hostile.Accepted || (hostile.Code.Length > 0 && !codes.Contains(hostile.Code)))
        {
            throw new InvalidOperationException($"Hostile bench file '{hostile.Step}' ended {merged.Result.Outcome} with [{string.Join(", ", codes)}], " +
                $"expected {(hostile.Accepted ? "accepted" : hostile.Code)}.");
        }

        return codes.Count == 0 ? merged.Result.Outcome.ToString().ToLowerInvariant() : string.Join(", ", codes);
    }
}
