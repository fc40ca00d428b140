using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>export [--period P | --all] [--as-of INSTANT] [--format csv|parquet] --out DIR</c>: the open-data package
/// (docs/data.md) — every table in one format and its <c>datapackage.json</c> — written into a folder. Without
/// <c>--period</c> or <c>--all</c>, the quarter the reporting calendar names, as <c>workbook</c>. With <c>--as-of</c>,
/// the record as it stood at that instant, which reproduces <c>workbook --as-of</c>. Prints one line per table.
/// </summary>
public sealed class ExportCommand(OpenDataExporter exporter, MergedWorkbookService workbooks, CliPlans plans, TimeProvider time) : ICliCommand
{
    public string Name => "export";

    public string Usage => "export [--period YYYY-Qn | --all] [--as-of INSTANT] [--format csv|parquet] --out DIR";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "all");
        var periodText = arguments.Option("period");
        var all = arguments.Switch("all");
        var asOf = AsOf(arguments.Option("as-of"));
        var formatText = arguments.Option("format") ?? "csv";
        var outDir = arguments.RequiredOption("out");
        arguments.RejectUnknown(0);
        if (all && periodText is not null) throw new UsageException("--period and --all exclude each other.");
        if (!DatasetFormats.TryParse(formatText, out var format) || format == DatasetFormat.Json)
            throw new UsageException($"--format must be csv or parquet, not '{formatText}'.");

        await plans.InForceAsync(cancellationToken);
        var scope = DatasetScope.All;
        if (!all)
        {
            var period = periodText is null ? workbooks.DefaultPeriod(asOf) : RequestArguments.Period(periodText);
            if (periodText is null && !workbooks.InPlan(period))
            {
                await stdout.WriteLineAsync($"The reporting calendar's quarter is {period}, outside the plan in force: nothing written. Name one with --period or use --all.");
                return ExitCodes.NoData;
            }
            scope = DatasetScope.Of(period);
        }

        var target = new DirectoryPackageTarget(outDir);
        PackageSummary? summary;
        try
        {
            summary = await exporter.WritePackageAsync(target, scope, format, asOf, cancellationToken);
        }
        catch
        {
            target.Abandon();
            throw;
        }

        var when = asOf is { } at ? $" as of {RequestWords.Instant(at)}" : "";
        if (summary is null)
        {
            target.Abandon();
            await stdout.WriteLineAsync($"No accepted submissions for {scope}{when}: nothing written.");
            return ExitCodes.NoData;
        }

        target.Commit();
        await stdout.WriteLineAsync(
            $"{scope}{when}: open-data package {OpenDataSchema.Version} in {format.Extension()}, {Counted.Of(summary.Periods.Count, "quarter", "quarters")} → {target.FullPath}");
        foreach (var (table, rows) in summary.Rows)
            await stdout.WriteLineAsync($"  {OpenDataExporter.FileName(OpenDataSchema.Find(table)!, format)}: {rows} rows");
        return ExitCodes.Ok;
    }

    private DateTimeOffset? AsOf(string? text)
    {
        if (text is null) return null;
        if (!RequestWords.TryInstant(text, time.GetUtcNow(), out var at, out var error)) throw new UsageException("--as-of " + error.En);
        return at;
    }
}
