using System.Diagnostics;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using ServerlessPlan.Tests.Unit.Ingestion.Validation;
using Xunit.Abstractions;

namespace ServerlessPlan.Tests.Integration.Hostile;

/// <summary>
/// Every hostile upload through the whole offline check (guard, reader, rules) and the annotated copy, in process:
/// each ends in a worded verdict with its expected codes, in seconds, having allocated a bounded amount — whatever the
/// file holds. The worst are also run through the real CLI under a heap limit (<see cref="HostileCliTests"/>).
/// </summary>
public sealed class HostileUploadTests(ITestOutputHelper output)
{
    /// <summary>Generous: the slowest case takes about a second on the build machine.</summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(60);

    /// <summary>What one check plus its annotated copy may allocate, whatever the file (the upload itself is ≤ 10 MiB).</summary>
    private const long AllocationBound = 96L * 1024 * 1024;

    private static readonly UploadValidator Validator = RealPlan.UploadValidator();

    [Theory]
    [MemberData(nameof(HostileCases.Names), MemberType = typeof(HostileCases))]
    public async Task Ends_in_a_worded_verdict_in_bounded_time_and_memory(string name)
    {
        var hostile = HostileCases.Named(name);
        var bytes = HostileCases.Bytes(hostile);
        Assert.True(bytes.Length <= new IngestionOptions().MaxUploadBytes, $"{name} is {bytes.Length} bytes, over the upload cap");
        var expectation = new UploadExpectation(HostileCases.Unit, ReportingPeriod.Parse(HostileCases.Period), FileName: "informe.xlsx");

        // Everything below runs on this thread (no storage: the previous quarter is not looked up).
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var check = await Validator.CheckAsync(new MemoryStream(bytes, writable: false), expectation, null, CancellationToken.None);
        var report = check.Report;
        AnnotatedCopy? copy = null;
        if (check.Package.Ok && report.Errors.Count + report.Warnings.Count > 0)
        {
            using var original = check.Package.OpenRead();
            copy = AnnotatedCopyWriter.Write(original, report);
        }
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"{name}: {bytes.Length:N0} bytes, {clock.ElapsedMilliseconds} ms, {allocated / 1024.0 / 1024.0:0.0} MiB allocated, " +
            $"codes {string.Join(",", report.Errors.Concat(report.Warnings).Select(i => i.Code).Distinct())}, copy {copy?.Content?.Length.ToString() ?? copy?.Skipped?.Message ?? "none"}");

        Assert.Equal(hostile.Accepted, report.Accepted);
        var codes = report.Errors.Concat(report.Warnings).Select(i => i.Code).ToList();
        Assert.All(hostile.Codes, code => Assert.Contains(code, codes));
        Assert.All(report.Errors.Concat(report.Warnings), issue => Assert.False(string.IsNullOrWhiteSpace(issue.Message)));
        Assert.True(report.ToJson().Length < ReportBoundsTests.MaxReportJsonChars, $"report of {report.ToJson().Length} characters");
        Assert.True(clock.Elapsed < TimeBound, $"{name} took {clock.Elapsed}");
        Assert.True(allocated < AllocationBound, $"{name} allocated {allocated:N0} bytes");
        var outcome = copy is null ? CopyOutcome.None : copy.Content is null ? CopyOutcome.Skipped : CopyOutcome.Written;
        Assert.Equal(hostile.Copy, outcome);
        if (copy?.Content is { } annotated) Assert.True(annotated.Length <= bytes.Length * 3 / 2 + 64 * 1024, $"copy of {annotated.Length:N0} bytes");
        if (outcome == CopyOutcome.Skipped) Assert.Equal(ReportIssues.AnnotatedCopySkipped.Code, copy!.Skipped!.Code);
    }

    [Fact]
    public async Task Text_cut_by_the_reader_is_still_measured_to_its_full_length()
    {
        var check = await Validator.CheckAsync(new MemoryStream(HostileCases.Bytes(HostileCases.Named("40,000-character focal point name"))),
            new UploadExpectation(HostileCases.Unit, ReportingPeriod.Parse(HostileCases.Period)), null, CancellationToken.None);

        var tooLong = Assert.Single(check.Report.Errors, e => e.Code == "TEXT_TOO_LONG");
        Assert.Contains("40000", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_far_below_the_table_stop_the_reader_with_one_error_naming_the_sheet_and_the_row()
    {
        var check = await Validator.CheckAsync(new MemoryStream(HostileCases.Bytes(HostileCases.Named("2.5 M one-cell rows below the table"))),
            new UploadExpectation(HostileCases.Unit, ReportingPeriod.Parse(HostileCases.Period)), null, CancellationToken.None);

        var stop = Assert.Single(check.Report.Errors, e => e.Code == "TOO_MANY_ROWS");
        var lastAllowed = Core.Sheets.TemplateLayout.FirstDataRow + RealPlan.Catalog.ActivitiesFor(RealPlan.Unit("GT")).Count - 1
            + Core.Sheets.Reading.ReadingLimits.RowMargin;
        Assert.Equal("Informe", stop.Sheet);
        Assert.Equal($"A{lastAllowed + 1}", stop.Cell);
        Assert.StartsWith($"Hoja «Informe», celda A{lastAllowed + 1}: Borre lo que haya debajo de la tabla de actividades", stop.Message, StringComparison.Ordinal);
    }
}
