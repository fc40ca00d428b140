using Microsoft.Extensions.Logging;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>validate</c>: the offline dry run of an upload — nothing stored; the published plans are read when storage
/// answers, the built-in ones used (with a warning) when it does not. The period lock is judged now: with storage, by
/// the unit's reopenings too; without, by the calendar alone (with a warning). Exit 0 accepted (warnings allowed),
/// 1 rejected, 2 usage or I/O error.
/// </summary>
public sealed class ValidateCommand(UploadValidator validator, CliPlans plans, ILogger<ValidateCommand> logger) : ICliCommand
{
    public string Name => "validate";

    public string Usage => "validate FILE [--unit GT --period 2021-Q3] [--lang es|en] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var json = arguments.Switch("json");
        var expectation = UploadArguments.Expectation(arguments, unitRequired: false);
        arguments.RejectUnknown(maxPositionals: 1);
        var file = UploadArguments.File(arguments);
        await plans.InForceOrBuiltInAsync(cancellationToken);

        await using var content = File.OpenRead(file);
        var offline = plans.StorageUnreachable;
        var check = await validator.CheckAsync(content, expectation with { FileName = Path.GetFileName(file), LockByCalendarOnly = offline },
            previous: null, cancellationToken);
        await ReportPrinter.PrintAsync(stdout, check.Report, json);
        if (offline && check.Report.Errors.Any(e => e.Code == IngestionIssues.PeriodLocked.Code))
        {
            logger.LogWarning("{Period} is locked by the calendar; storage could not be read to check whether the ST reopened it for {Unit}",
                check.Report.Period, check.Report.Unit);
            // Said with the verdict too (stdout stays the report alone with --json).
            if (!json) await stdout.WriteLineAsync($"note: storage could not be read to check whether the ST reopened {check.Report.Period} for {check.Report.Unit}.");
        }
        return check.Report.Accepted ? ExitCodes.Ok : ExitCodes.Rejected;
    }
}

/// <summary>The FILE / --unit / --period / --lang arguments shared by <c>validate</c> and <c>ingest</c>.</summary>
internal static class UploadArguments
{
    public static UploadExpectation Expectation(Arguments arguments, bool unitRequired)
    {
        var unit = unitRequired ? arguments.RequiredOption("unit") : arguments.Option("unit");
        var periodText = unitRequired ? arguments.RequiredOption("period") : arguments.Option("period");
        var lang = arguments.Option("lang");
        if ((unit is null) != (periodText is null)) throw new UsageException("--unit and --period go together.");

        ReportingPeriod? period = periodText is null ? null : RequestArguments.Period(periodText);
        Language? language = lang is null ? null : RequestArguments.Language(lang);
        return new UploadExpectation(unit?.Trim().ToUpperInvariant(), period, language);
    }

    public static string File(Arguments arguments)
    {
        if (arguments.Positionals.Count == 0) throw new UsageException("FILE is required.");
        var file = arguments.Positionals[0];
        if (!System.IO.File.Exists(file)) throw new UsageException($"File not found: {file}");
        return file;
    }
}
