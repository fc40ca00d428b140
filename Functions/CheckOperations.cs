using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Operations;

namespace ServerlessPlan.Functions;

/// <summary>
/// Every half hour, the operations status read and turned into telemetry (<see cref="OperationsCheck"/>): the alerts
/// on a missed digest slot, a missed reminder run and a poison message read what it records, and its own absence
/// says the app is not running. A constant schedule, not a setting, and no retry policy: the next reading is the retry.
/// </summary>
public sealed class CheckOperations(OperationsCheck check, ILogger<CheckOperations> logger)
{
    public const string Schedule = "0 */30 * * * *";

    [Function(nameof(CheckOperations))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken ct)
    {
        if (timer.IsPastDue) logger.LogInformation("Operations check past due: the app was not running at its last firing");
        await check.RunAsync(ct);
    }
}
