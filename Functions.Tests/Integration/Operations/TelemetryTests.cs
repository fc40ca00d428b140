using ServerlessPlan.Core.Telemetry;
using System.Diagnostics;
using System.Net.Mail;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Operations;

/// <summary>
/// Real ingestions on Azurite, read through OpenTelemetry's own SDK (the in-memory exporters beside the app's
/// composition): the counts and durations operators' alerts read, one trace from the blob's arrival to its verdict
/// mail, and never an e-mail address in a tag although every sheet carries one.
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly string _outbox = Directory.CreateTempSubdirectory("telemetry-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    [Fact]
    public async Task Uploads_are_counted_by_outcome_and_code_with_unit_and_period_and_timed()
    {
        var capture = new TelemetryCapture();
        using var host = new IngestionHost(new TestStorage(azurite), _outbox, configure: capture.AddTo);
        capture.Start(host.Get<IServiceProvider>());

        var gt = await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build());
        Assert.Equal(IngestionOutcome.Accepted, (await host.Ingestor.IngestAsync(gt, default)).Outcome);
        Assert.Equal(IngestionOutcome.Duplicate, (await host.Ingestor.IngestAsync(gt, default)).Outcome);
        var sv = await host.UploadAsync($"SV/{Period}/informe.xlsx", FilledSheet.Complete("SV", Period).EjecutadoText("1.1.1.2", "cincuenta").Build());
        var rejected = await host.Ingestor.IngestAsync(sv, default);

        Assert.Equal(IngestionOutcome.Rejected, rejected.Outcome);
        Assert.Equal(1, capture.Sum(PlanTelemetry.Uploads, ("outcome", "accepted"), ("unit", "GT"), ("period", Period)));
        Assert.Equal(1, capture.Sum(PlanTelemetry.Uploads, ("outcome", "duplicate"), ("unit", "GT"), ("period", Period)));
        Assert.Equal(1, capture.Sum(PlanTelemetry.Uploads, ("outcome", "rejected"), ("unit", "SV"), ("period", Period)));
        foreach (var code in rejected.Report.Errors.Select(e => e.Code).Distinct())
            Assert.Equal(1, capture.Sum(PlanTelemetry.UploadRejections, ("code", code), ("unit", "SV"), ("period", Period)));
        var timed = Assert.Single(capture.Points(PlanTelemetry.IngestionDuration),
            p => Equals(p.Tags["unit"], "GT") && Equals(p.Tags["outcome"], "accepted") && Equals(p.Tags["period"], Period));
        Assert.Equal(1, timed.Value);
        Assert.InRange(timed.HistogramSum!.Value, 0.0001, 120);
        // Two result mails went (GT's verdict, SV's; the duplicate tells nobody again), to the outbox.
        Assert.Equal(2, capture.Sum(PlanTelemetry.MailSent, ("kind", "submission-result"), ("outcome", "outbox")));
        AssertNoTagHoldsAnAddress(capture);
    }

    [Fact]
    public async Task A_locked_quarter_counts_its_refusals_as_locked()
    {
        var capture = new TelemetryCapture();
        using var host = new IngestionHost(new TestStorage(azurite), _outbox, extraSettings: new Dictionary<string, string?> { ["Reports:LockGraceDays"] = "0" },
            configure: capture.AddTo);
        capture.Start(host.Get<IServiceProvider>());

        var blob = await host.UploadAsync($"PA/{Period}/informe.xlsx", FilledSheet.Complete("PA", Period).Build());
        var result = await host.Ingestor.IngestAsync(blob, default);

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        Assert.Equal(1, capture.Sum(PlanTelemetry.Uploads, ("outcome", "locked"), ("unit", "PA"), ("period", Period)));
        Assert.Equal(1, capture.Sum(PlanTelemetry.UploadRejections, ("code", IngestionIssues.PeriodLocked.Code), ("unit", "PA")));
    }

    [Fact]
    public async Task One_trace_runs_from_the_blobs_arrival_through_validation_and_merge_to_its_verdict_mail()
    {
        var capture = new TelemetryCapture();
        using var host = new IngestionHost(new TestStorage(azurite), _outbox, configure: capture.AddTo);
        capture.Start(host.Get<IServiceProvider>());
        var blob = await host.UploadAsync($"HN/{Period}/informe.xlsx", FilledSheet.Complete("HN", Period).Build());

        await host.Ingestor.IngestAsync(blob, default);

        var root = Assert.Single(capture.Spans(), s => s.OperationName == PlanTelemetry.Spans.Ingest && Equals(s.GetTagItem("unit"), "HN"));
        Assert.Null(root.Parent);
        Assert.Equal((Period, "accepted"), (root.GetTagItem("period"), root.GetTagItem("outcome")));
        var trace = capture.Spans().Where(s => s.TraceId == root.TraceId).ToList();
        var steps = trace.Where(s => s.ParentSpanId == root.SpanId).OrderBy(s => s.StartTimeUtc).Select(s => s.OperationName).ToList();
        Assert.Equal([PlanTelemetry.Spans.Arrival, PlanTelemetry.Spans.Validate, PlanTelemetry.Spans.Merge, PlanTelemetry.Spans.VerdictMail], steps);
        var verdict = trace.Single(s => s.OperationName == PlanTelemetry.Spans.VerdictMail);
        var mail = Assert.Single(trace, s => s.OperationName == PlanTelemetry.Spans.MailSend);
        Assert.Equal(verdict.SpanId, mail.ParentSpanId);
        Assert.Equal(("submission-result", "outbox"), (mail.GetTagItem("kind"), mail.GetTagItem("outcome")));
        Assert.All(trace, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        // Each step inside its parent's time.
        Assert.All(trace.Where(s => s != root), s => Assert.True(s.StartTimeUtc >= root.StartTimeUtc && s.StartTimeUtc + s.Duration <= root.StartTimeUtc + root.Duration));
        AssertNoTagHoldsAnAddress(capture);
    }

    /// <summary>Every sheet names its focal point's address and every result mail goes to one: none of them in any tag.</summary>
    internal static void AssertNoTagHoldsAnAddress(TelemetryCapture capture)
    {
        var values = capture.AllPoints().SelectMany(p => p.Tags.Values)
            .Concat(capture.Spans().SelectMany(s => s.TagObjects.Select(t => t.Value)))
            .Select(v => v?.ToString() ?? "")
            .ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.False(v.Contains('@') || MailAddress.TryCreate(v, out _), $"tag value '{v}' looks like an e-mail address"));
    }
}
