using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Cli.Commands;

/// <summary>What the plan sub-verbs share: the FILE and --lang arguments and the human printout of findings.</summary>
internal static class PlanArguments
{
    public static string File(Arguments arguments)
    {
        if (arguments.Positionals.Count == 0) throw new UsageException("FILE is required.");
        var file = arguments.Positionals[0];
        if (!System.IO.File.Exists(file)) throw new UsageException($"File not found: {file}");
        return file;
    }

    public static Language Language(Arguments arguments)
    {
        var lang = arguments.Option("lang");
        if (lang is null) return Core.Localization.Language.Es;
        return LanguageCodes.TryParse(lang, out var language) ? language : throw new UsageException("--lang must be es or en.");
    }

    /// <summary>"VALID …" or "INVALID …", then one line per finding, errors first.</summary>
    public static async Task PrintAsync(TextWriter stdout, PlanImportResult result)
    {
        await stdout.WriteLineAsync(result.Catalog is { } catalog
            ? $"VALID {result.Source}: plan {PlanSummary.Of(catalog)}; {Counted.Of(result.Warnings.Count, "warning", "warnings")}"
            : $"INVALID {result.Source}: {Counted.Of(result.Errors.Count, "error", "errors")}, {Counted.Of(result.Warnings.Count, "warning", "warnings")}");
        await PrintIssuesAsync(stdout, result.Errors.Concat(result.Warnings));
    }

    public static async Task PrintIssuesAsync(TextWriter stdout, IEnumerable<ValidationIssue> issues)
    {
        foreach (var issue in issues)
            await stdout.WriteLineAsync($"  {(issue.Severity == IssueSeverity.Error ? "error  " : "warning")} {issue.Code}: {issue.Message}");
    }
}
