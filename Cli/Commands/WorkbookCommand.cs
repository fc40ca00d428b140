using Microsoft.Extensions.Options;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>workbook [--period 2021-Q3] --out FILE</c>: the analysts' merged workbook, written to a file. Without
/// <c>--period</c>, the quarter the reporting calendar names (<c>Digest__Period</c>), as <c>GET /api/workbook</c>. Prints
/// a summary line, then the headline (who reported and who did not, execution with its coverage and lower bound).
/// </summary>
public sealed class WorkbookCommand(MergedWorkbookService workbooks, CliPlans plans, IOptions<DigestOptions> digest) : ICliCommand
{
    public string Name => "workbook";

    public string Usage => "workbook [--period YYYY-Qn] --out FILE.xlsx";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args);
        var periodText = arguments.Option("period");
        var outPath = arguments.RequiredOption("out");
        arguments.RejectUnknown(0);
        await plans.InForceAsync(cancellationToken);
        var period = periodText is null ? workbooks.DefaultPeriod() : RequestArguments.Period(periodText);
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
            summary = await workbooks.WriteAsync(period, file, cancellationToken);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        if (summary is null)
        {
            File.Delete(temp);
            await stdout.WriteLineAsync($"No accepted submissions for {period}: nothing written.");
            return ExitCodes.NoData;
        }

        File.Move(temp, full, overwrite: true);
        await stdout.WriteLineAsync(
            $"{summary.Period}: {summary.UnitsReported} of {summary.UnitsExpected} units reported; {summary.DataRows} data rows in {summary.DataSheets} sheet(s) → {full}");
        // The headline, completeness first, in the digest's language: the same lines the Presidency reads.
        if (summary.Progress is { } progress)
        {
            LanguageCodes.TryParse(digest.Value.Language, out var language);
            foreach (var line in RegionalHeadline.Lines(progress, language)) await stdout.WriteLineAsync("  " + line);
        }
        return ExitCodes.Ok;
    }
}
