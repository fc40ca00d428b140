using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServerlessPlan.Core.Telemetry;

/// <summary>
/// The application's own meter and trace source, named <see cref="Name"/>: what operators' alerts and queries read
/// (<c>infra/app/alerts.bicep</c> names these instruments; <c>AlertQueryTests</c> checks it does so exactly).
/// Dimensions are the unit, the period and a code, kind or outcome, never an e-mail address or anything from a sheet.
/// The meter comes from the host's <see cref="IMeterFactory"/> (which disposes it), so each host and each test's
/// composition has its own.
/// </summary>
public sealed class PlanTelemetry
{
    /// <summary>The meter's and the activity source's name (OpenTelemetry's <c>AddMeter</c> / <c>AddSource</c>).</summary>
    public const string Name = "ServerlessPlan";

    /// <summary>Every upload ingested, by <c>outcome</c> (<see cref="UploadOutcomes"/>), unit and period.</summary>
    public const string Uploads = "serverlessplan.uploads";

    /// <summary>Each error code of a rejected upload, once per upload (<c>code</c>, unit, period).</summary>
    public const string UploadRejections = "serverlessplan.uploads.rejections";

    /// <summary>Seconds from the blob's arrival at the ingestion to its verdict (mail included), by outcome, unit and period.</summary>
    public const string IngestionDuration = "serverlessplan.ingestion.duration";

    /// <summary>An ingestion that threw (the host retries it, and after five the upload is in the poison queue), by <c>error</c>.</summary>
    public const string IngestionFailures = "serverlessplan.ingestion.failures";

    /// <summary>A mail handed to the provider or the outbox, by <c>kind</c> (the mail's category) and <c>outcome</c>.</summary>
    public const string MailSent = "serverlessplan.mail.sent";

    /// <summary>A mail the provider did not take, by <c>kind</c> and <c>status</c> (HTTP status, or <c>unreachable</c>, <c>configuration</c>).</summary>
    public const string MailFailures = "serverlessplan.mail.failures";

    /// <summary>A result mail left to a later run because another run's claim is live (<c>retry later</c>).</summary>
    public const string MailRetryLater = "serverlessplan.mail.retry_later";

    /// <summary>One scheduled digest run, by <c>outcome</c> (<see cref="DigestOutcomes"/>), <c>slot</c> (its message key) and period.</summary>
    public const string DigestRuns = "serverlessplan.digest.runs";

    /// <summary>One run of the reminder timer, by <c>outcome</c> (<c>complete</c> / <c>incomplete</c>).</summary>
    public const string ReminderRuns = "serverlessplan.reminders.runs";

    /// <summary>A build run in one of the instance's slots, by <c>what</c> (<c>workbook</c>, or <c>dataset</c> for an open-data table).</summary>
    public const string WorkbookBuilds = "serverlessplan.workbook.builds";

    /// <summary>A workbook or data build refused because every slot was taken (answered 429), by <c>what</c>.</summary>
    public const string WorkbookRefusals = "serverlessplan.workbook.refusals";

    /// <summary>One reading of the operations status by the <c>CheckOperations</c> timer, by <c>outcome</c> (healthy / attention).</summary>
    public const string OperationsChecks = "serverlessplan.operations.checks";

    /// <summary>Each item a reading of the operations status lists as needing someone, by <c>code</c> (<c>AttentionCodes</c>).</summary>
    public const string OperationsAttention = "serverlessplan.operations.attention";

    /// <summary>Spans of one upload's trace, root first (<see cref="Source"/>).</summary>
    public static class Spans
    {
        public const string Ingest = "upload.ingest";
        public const string Arrival = "upload.arrival";
        public const string Validate = "upload.validate";
        public const string Merge = "upload.merge";
        public const string VerdictMail = "upload.verdict_mail";
        public const string MailSend = "mail.send";
    }

    /// <summary>The values of the <c>outcome</c> tag of <see cref="Uploads"/>.</summary>
    public static class UploadOutcomes
    {
        public const string Accepted = "accepted";
        public const string Rejected = "rejected";
        public const string Duplicate = "duplicate";
        public const string Superseded = "superseded";

        /// <summary>Refused only because its quarter is locked (<c>PERIOD_LOCKED</c>).</summary>
        public const string Locked = "locked";
    }

    /// <summary>The values of the <c>outcome</c> tag of <see cref="DigestRuns"/>: the digest's outcomes, and a run that threw.</summary>
    public static class DigestOutcomes
    {
        public const string Sent = "sent";
        public const string Failed = "failed";
    }

    /// <summary>Traces from a blob's arrival to its verdict mail.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _uploads;
    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _ingestionDuration;
    private readonly Counter<long> _ingestionFailures;
    private readonly Counter<long> _mailSent;
    private readonly Counter<long> _mailFailures;
    private readonly Counter<long> _mailRetryLater;
    private readonly Counter<long> _digestRuns;
    private readonly Counter<long> _reminderRuns;
    private readonly Counter<long> _workbookBuilds;
    private readonly Counter<long> _workbookRefusals;
    private readonly Counter<long> _operationsChecks;
    private readonly Counter<long> _operationsAttention;

    public PlanTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        _uploads = Meter.CreateCounter<long>(Uploads, "{upload}", "Uploads ingested, by outcome");
        _rejections = Meter.CreateCounter<long>(UploadRejections, "{upload}", "Rejected uploads, once per error code");
        _ingestionDuration = Meter.CreateHistogram<double>(IngestionDuration, "s", "Time from the blob's arrival at the ingestion to its verdict, mail included");
        _ingestionFailures = Meter.CreateCounter<long>(IngestionFailures, "{delivery}", "Ingestions that threw (the host retries; five make a poison message)");
        _mailSent = Meter.CreateCounter<long>(MailSent, "{mail}", "Mails handed to SendGrid or written to the outbox");
        _mailFailures = Meter.CreateCounter<long>(MailFailures, "{mail}", "Mails the provider did not take");
        _mailRetryLater = Meter.CreateCounter<long>(MailRetryLater, "{mail}", "Result mails left to a later run: another run's claim was live");
        _digestRuns = Meter.CreateCounter<long>(DigestRuns, "{run}", "Scheduled digest runs, by outcome");
        _reminderRuns = Meter.CreateCounter<long>(ReminderRuns, "{run}", "Runs of the reminder timer, by outcome");
        _workbookBuilds = Meter.CreateCounter<long>(WorkbookBuilds, "{workbook}", "Builds run in one of the instance's slots");
        _workbookRefusals = Meter.CreateCounter<long>(WorkbookRefusals, "{request}", "Builds refused with 429: every slot was taken");
        _operationsChecks = Meter.CreateCounter<long>(OperationsChecks, "{check}", "Readings of the operations status");
        _operationsAttention = Meter.CreateCounter<long>(OperationsAttention, "{item}", "Items the operations status lists as needing someone");
    }

    public Meter Meter { get; }

    public void Upload(string outcome, string unit, string period, IEnumerable<string> rejectionCodes, TimeSpan duration)
    {
        _uploads.Add(1, new("outcome", outcome), new("unit", unit), new("period", period));
        foreach (var code in rejectionCodes.Distinct(StringComparer.Ordinal))
            _rejections.Add(1, new("code", code), new("unit", unit), new("period", period));
        _ingestionDuration.Record(duration.TotalSeconds, new("outcome", outcome), new("unit", unit), new("period", period));
    }

    public void IngestionFailed(string error, string unit, string period) =>
        _ingestionFailures.Add(1, new("error", error), new("unit", unit), new("period", period));

    public void MailSentTo(string kind, string outcome) => _mailSent.Add(1, new("kind", kind), new("outcome", outcome));

    public void MailFailed(string kind, string status) => _mailFailures.Add(1, new("kind", kind), new("status", status));

    public void RetryLater(string kind, string unit, string period) =>
        _mailRetryLater.Add(1, new("kind", kind), new("unit", unit), new("period", period));

    public void DigestRun(string outcome, string slot, string? period) =>
        _digestRuns.Add(1, new("outcome", outcome), new("slot", slot), new("period", period ?? ""));

    public void ReminderRun(bool complete) =>
        _reminderRuns.Add(1, new KeyValuePair<string, object?>("outcome", complete ? "complete" : "incomplete"));

    public void WorkbookBuilt(string what) => _workbookBuilds.Add(1, new KeyValuePair<string, object?>("what", what));

    public void WorkbookRefused(string what) => _workbookRefusals.Add(1, new KeyValuePair<string, object?>("what", what));

    /// <summary>One operations check: healthy or not, and each attention code it found (the alerts read these).</summary>
    public void OperationsChecked(bool healthy, IEnumerable<string> attentionCodes)
    {
        _operationsChecks.Add(1, new KeyValuePair<string, object?>("outcome", healthy ? "healthy" : "attention"));
        foreach (var code in attentionCodes)
            _operationsAttention.Add(1, new KeyValuePair<string, object?>("code", code));
    }
}
