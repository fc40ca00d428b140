using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>validate</c>: the offline dry run of an upload — nothing stored; the published plans are read when storage
/// answers, the built-in ones used (with a warning) when it does not. Exit 0 accepted (warnings allowed), 1 rejected,
/// 2 usage or I/O error.
/// </summary>
public sealed class ValidateCommand(UploadValidator validator, CliPlans plans) : ICliCommand
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
        var check = await validator.CheckAsync(content, expectation with { FileName = Path.GetFileName(file) }, previous: null, cancellationToken);
        await ReportPrinter.PrintAsync(stdout, check.Report, json);
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
