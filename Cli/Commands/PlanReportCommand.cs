using System.Globalization;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Reports.PlanMatrix;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>plan-report --plan 2020-2022 [--year 2021] [--lang es|en] --out FILE.xlsx</c>: the plan's matrix in the seed's
/// layout, filled with each year's programado and the ejecutado of its last reported quarter, each with its coverage
/// (<see cref="PlanMatrixReport"/>, the trends page's download). Exit 0 written; 2 usage (unknown plan, a year outside
/// it, a bad language) or I/O error; 3 nothing reported in any quarter read (nothing written); 4 storage unreachable.
/// </summary>
public sealed class PlanReportCommand(PlanMatrixReport report, CliPlans plans) : ICliCommand
{
    public string Name => "plan-report";

    public string Usage => "plan-report --plan ID [--year YYYY] [--lang es|en] --out FILE.xlsx";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args);
        var id = arguments.RequiredOption("plan");
        var yearText = arguments.Option("year");
        var output = arguments.RequiredOption("out");
        var language = PlanArguments.Language(arguments);
        arguments.RejectUnknown(maxPositionals: 0);

        int? year = null;
        if (yearText is not null)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) throw new UsageException("--year is a year, e.g. 2021.");
            year = y;
        }

        var registry = await plans.InForceAsync(cancellationToken);
        var plan = registry.FindById(id)
            ?? throw new UsageException($"There is no plan '{id}' in force; plans: {string.Join(", ", registry.Plans.Plans.Select(p => p.Id))}.");
        if (year is { } asked && !plan.ContainsYear(asked))
            throw new UsageException($"The plan {plan.Id} covers {plan.FirstYear}–{plan.LastYear}; --year {asked} is outside it.");

        var matrix = await report.BuildAsync(plan, year, cancellationToken);
        if (!matrix.HasData)
        {
            await stdout.WriteLineAsync($"No accepted submissions for the plan {plan.Id} up to {matrix.Through}: nothing written.");
            return ExitCodes.NoData;
        }

        // Written beside the target and moved into place, so a failure never leaves half a workbook under the name.
        var full = Path.GetFullPath(output);
        var temp = full + ".partial";
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None)) report.Write(file, matrix, language);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        await stdout.WriteLineAsync($"Plan {plan.Id} up to {matrix.Through} → {full}");
        foreach (var y in matrix.Years)
        {
            await stdout.WriteLineAsync(y.Basis is { } basis
                ? $"  {y.Year}: ejecutado of {basis.Period}{(y.IsComplete ? "" : " (year in progress)")}; {basis.Overall.UnitsReporting} of {basis.Overall.UnitsExpected} units reported; execution {FigureFormat.Percent(basis.Overall.Execution, Core.Localization.Language.En)}"
                : $"  {y.Year}: no reports");
        }
        return ExitCodes.Ok;
    }
}
