using System.Globalization;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Locks;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>reopen --unit GT --period 2021-Q3 --days 7 --reason "…" [--by NAME] [--json]</c>: the ST reopens one unit's locked
/// quarter for uploads for the rest of today and <c>--days</c> more days (<see cref="PeriodLockService.ReopenAsync"/>);
/// who (default: the OS user), when, why and until when are recorded and shown in the workbook's <i>Envíos</i>. The same
/// reopening again is a no-op. Exit 0 reopened (or already), 1 refused (not locked yet, or quarters never lock),
/// 2 usage, 4 storage unreachable.
/// </summary>
public sealed class ReopenCommand(PeriodLockService locks, CliPlans plans) : ICliCommand
{
    public string Name => "reopen";

    public string Usage => "reopen --unit GT --period 2021-Q3 --days N --reason TEXT [--by NAME] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var (unit, period, by) = LockPrinter.Target(arguments);
        var daysText = arguments.RequiredOption("days");
        var reason = arguments.RequiredOption("reason");
        var json = arguments.Switch("json");
        arguments.RejectUnknown(0);
        if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            throw new UsageException($"--days must be a whole number of days (1 to {PeriodLockService.MaxDays}), not '{daysText}'.");
        await plans.InForceAsync(cancellationToken);

        var change = await locks.ReopenAsync(new ReopenRequest(unit, period, days, reason, by), cancellationToken);
        return await LockPrinter.PrintAsync(stdout, change, json);
    }
}
