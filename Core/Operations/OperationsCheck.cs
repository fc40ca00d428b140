using ServerlessPlan.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Core.Operations;

/// <summary>
/// One reading of the operations status turned into telemetry (<see cref="PlanTelemetry.OperationsChecks"/>, one
/// <see cref="PlanTelemetry.OperationsAttention"/> per item, a warning per item): what the alerts on a missed digest or
/// reminder run and on a poison message read. The same reading as <c>serverlessplan status</c> and the operations page
/// (<see cref="OperationsStatusService"/>), so "missed" has one definition — the schedule's own slots — and no alert
/// query has to parse a cron expression.
/// </summary>
public sealed class OperationsCheck(OperationsStatusService status, PlanTelemetry telemetry, ILogger<OperationsCheck> logger)
{
    public async Task<OperationsStatus> RunAsync(CancellationToken ct)
    {
        var reading = await status.ReadAsync(ct);
        telemetry.OperationsChecked(reading.Healthy, reading.Attention.Select(a => a.Code));
        foreach (var item in reading.Attention)
            logger.LogWarning("Operations attention {AttentionCode}: {AttentionSubject}", item.Code, item.Subject);
        logger.LogInformation("Operations checked at {CheckedAt:O}: {AttentionCount} item(s) need attention", reading.CheckedAt, reading.Attention.Count);
        return reading;
    }
}
