using Microsoft.Extensions.Configuration;
using ServerlessPlan.Cli.Bench;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>bench [--scale tiny|coalition|large] [--json]</c>: measures ingestion, the zip-bomb guard, the merged workbook
/// and the digest's model on synthetic data against Azurite (<c>PlanStorage</c>), beside streaming floors. Always
/// exit 0 when it ran: a missed target is a measurement, not a failure.
/// </summary>
public sealed class BenchCommand(IConfiguration configuration) : ICliCommand
{
    public string Name => "bench";

    public string Usage => "bench [--scale tiny|coalition|large] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var scale = BenchScale.Parse(arguments.Option("scale"));
        var json = arguments.Switch("json");
        arguments.RejectUnknown(0);
        var storage = configuration[StorageNames.Connection];
        if (string.IsNullOrWhiteSpace(storage))
            throw new UsageException("PlanStorage is not set: point it at Azurite (scripts/bench.sh does).");

        // Progress goes to stderr so --json output stays parseable.
        var report = await new BenchRunner(storage, json ? Console.Error : stdout).RunAsync(scale, cancellationToken);
        if (json) await BenchReportPrinter.PrintJsonAsync(stdout, report);
        else await BenchReportPrinter.PrintTableAsync(stdout, report);
        return ExitCodes.Ok;
    }
}
