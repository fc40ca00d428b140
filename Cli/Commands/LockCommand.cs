using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Locks;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>lock --unit GT --period 2021-Q3 [--reason TEXT] [--by NAME] [--json]</c>: ends the unit's reopening in force now
/// (<see cref="PeriodLockService.LockAsync"/>), recorded like a reopening. A quarter already locked is a no-op; one that
/// has not reached its automatic lock is refused (a unit is never locked out before the others). Exit 0 locked (or
/// already), 1 refused, 2 usage, 4 storage unreachable.
/// </summary>
public sealed class LockCommand(PeriodLockService locks, CliPlans plans) : ICliCommand
{
    public string Name => "lock";

    public string Usage => "lock --unit GT --period 2021-Q3 [--reason TEXT] [--by NAME] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var (unit, period, by) = LockPrinter.Target(arguments);
        var reason = arguments.Option("reason");
        var json = arguments.Switch("json");
        arguments.RejectUnknown(0);
        await plans.InForceAsync(cancellationToken);

        var change = await locks.LockAsync(new LockRequest(unit, period, reason, by), cancellationToken);
        return await LockPrinter.PrintAsync(stdout, change, json);
    }
}
