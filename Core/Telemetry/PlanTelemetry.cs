using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServerlessPlan.Core.Telemetry;

/// <summary>
/// The application's own meter and trace source, named <see cref="Name"/>: what operators' alerts and queries read.
/// Dimensions are the unit and the period (and a code or kind), never an e-mail address or anything from a sheet.
/// The meter comes from the host's <see cref="IMeterFactory"/> (which disposes it), so each host and each test's
/// composition has its own.
/// </summary>
public sealed class PlanTelemetry
{
    /// <summary>The meter's and the activity source's name (OpenTelemetry's <c>AddMeter</c> / <c>AddSource</c>).</summary>
    public const string Name = "ServerlessPlan";

    /// <summary>A result mail left to a later run because another run's claim is live (<c>retry later</c>).</summary>
    public const string MailRetryLater = "serverlessplan.mail.retry_later";

    private readonly Counter<long> _mailRetryLater;

    public PlanTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        _mailRetryLater = Meter.CreateCounter<long>(MailRetryLater, "{mail}", "Result mails left to a later run: another run's claim was live");
    }

    public Meter Meter { get; }

    /// <summary>Traces from a blob's arrival to its verdict mail.</summary>
    public static readonly ActivitySource Source = new(Name);

    public void RetryLater(string kind, string unit, string period) =>
        _mailRetryLater.Add(1, new("kind", kind), new("unit", unit), new("period", period));
}
