using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.OpenData.Exports;

namespace ServerlessPlan.Functions;

/// <summary>
/// Every five minutes, the <c>exports</c> container is brought up to the record: a new snapshot and <c>current/</c>
/// when an accepted upload, a rejected one, a reopening or lock, a plan change or a quarter opening changed the package
/// since the last run, nothing otherwise (docs/data.md, "In storage", says why a timer and not a call from each path).
/// A constant schedule, not a setting: it is how stale <c>exports/current/</c> may be. The publisher logs its outcome.
/// </summary>
public sealed class PublishExports(ExportPublisher publisher)
{
    public const string Schedule = "0 */5 * * * *";

    [Function(nameof(PublishExports))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return publisher.PublishAsync(ct);
    }
}
