using Microsoft.Extensions.Options;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Requests;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>workbook [--period 2021-Q3] [--as-of INSTANT] --out FILE</c>: the analysts' merged workbook, written to a file.
/// Without <c>--period</c>, the quarter the reporting calendar names (<c>Digest__Period</c>, at <c>--as-of</c> when
/// given), as <c>GET /api/workbook</c>. With <c>--as-of</c>, exactly what was current at that instant, rebuilt from the
/// submission history (docs/follow-up.md). Prints a summary line, then the headline (who reported and who did not,
/// execution with its coverage and lower bound).
/// </summary>
public sealed class WorkbookCommand(MergedWorkbookService workbooks, CliPlans plans, IOptions<DigestOptions> digest, TimeProvider time) : ICliCommand
{
    public string Name => "workbook";

    public string Usage => "workbook [--period YYYY-Qn] [--as-of INSTANT] --out FILE.xlsx";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args);
        var periodText = arguments.Option("period");
        var asOf = AsOf(arguments.Option("as-of"));
        var outPath = arguments.RequiredOption("out");
        arguments.RejectUnknown(0);
        await plans.InForceAsync(cancellationToken);
        var period = periodText is null ? workbooks.DefaultPeriod(asOf) : RequestArguments.Period(periodText);
        if (periodText is null && !workbooks.InPlan(period))
        {
            await stdout.WriteLineAsync($"The reporting calendar's quarter is {period}, outside the plan in force: nothing written. Name one with --period.");
            return ExitCodes.NoData;
        }

        // Written beside the target and moved into place, so a failure never leaves half a workbook under the name.
        var full = Path.GetFullPath(outPath);
        var temp = full + ".partial";
        WorkbookSummary? summary;
        try
        {
            await using var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None);
            summary = await workbooks.WriteAsync(period, file, cancellationToken, asOf);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        if (summary is null)
        {
            File.Delete(temp);
            await stdout.WriteLineAsync(asOf is { } at
                ? $"No accepted submissions for {period} as of {RequestWords.Instant(at)}: nothing written."
                : $"No accepted submissions for {period}: nothing written.");
            return ExitCodes.NoData;
        }

        File.Move(temp, full, overwrite: true);
        var when = asOf is { } instant ? $" as of {RequestWords.Instant(instant)}" : "";
        await stdout.WriteLineAsync(
            $"{summary.Period}{when}: {summary.UnitsReported} of {summary.UnitsExpected} units reported; {Counted.Of(summary.DataRows, "data row", "data rows")} in {Counted.Of(summary.DataSheets, "sheet", "sheets")} → {full}");
        // The headline, completeness first, in the digest's language: the same lines the Presidency reads.
        if (summary.Progress is { } progress)
        {
            var language = LanguageChoice.Of(digest.Value.Language);
            foreach (var line in RegionalHeadline.Lines(progress, language)) await stdout.WriteLineAsync("  " + line);
        }
        return ExitCodes.Ok;
    }

    /// <summary>The instant as <see cref="RequestWords.TryInstant"/> reads it, for the portal's download with a date too.</summary>
    private DateTimeOffset? AsOf(string? text)
    {
        if (text is null) return null;
        if (!RequestWords.TryInstant(text, time.GetUtcNow(), out var at, out var error)) throw new UsageException("--as-of " + error.En);
        return at;
    }
}
