using Microsoft.Extensions.Configuration;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Commands;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Bench;

/// <summary>
/// <c>bench [--scale tiny|coalition|large] [--only ingestion,guard,workbook,digest,burst,hostile,portal,opendata,trends,coldstart] [--json]</c>: measures ingestion,
/// the zip-bomb guard, hostile uploads, the merged workbook, the digest's model, a deadline burst and the portal's board, progress and
/// cached workbook, the trends page and the plan matrix on synthetic data against Azurite (<c>PlanStorage</c>),
/// beside streaming floors. Always exit 0 when it ran: a missed target is a measurement, not a failure.
/// </summary>
public sealed class BenchCommand(IConfiguration configuration) : ICliCommand
{
    public string Name => "bench";

    public string Usage => "bench [--scale tiny|coalition|large] [--only ingestion,guard,workbook,digest,burst,hostile,portal,opendata,trends,coldstart] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var scale = BenchScale.Parse(arguments.Option("scale"));
        var sections = Sections(arguments.Option("only"));
        var json = arguments.Switch("json");
        arguments.RejectUnknown(0);
        var storage = configuration[StorageNames.Connection];
        if (string.IsNullOrWhiteSpace(storage))
            throw new UsageException("PlanStorage is not set: point it at Azurite (scripts/bench.sh does).");

        // Progress goes to stderr so --json output stays parseable.
        var report = await new BenchRunner(storage, json ? Console.Error : stdout).RunAsync(scale, sections, cancellationToken);
        if (json) await BenchReportPrinter.PrintJsonAsync(stdout, report);
        else await BenchReportPrinter.PrintTableAsync(stdout, report);
        return ExitCodes.Ok;
    }

    /// <summary>A comma-separated subset of the sections, for a quicker run of one part; all when absent.</summary>
    private static HashSet<string> Sections(string? only)
    {
        if (only is null) return [.. BenchSections.All];
        var chosen = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = chosen.Where(s => !BenchSections.Known.Contains(s)).ToList();
        if (chosen.Count == 0 || unknown.Count > 0)
            throw new UsageException($"Unknown section '{unknown.FirstOrDefault() ?? only}' for --only. Known: {string.Join(", ", BenchSections.Known)}.");
        return chosen;
    }
}
