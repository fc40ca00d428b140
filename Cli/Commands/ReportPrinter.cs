using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Cli.Commands;

/// <summary>Prints a validation report for people (one line per finding) or for scripts (<c>--json</c>).</summary>
internal static class ReportPrinter
{
    public static async Task PrintAsync(TextWriter stdout, ValidationReport report, bool json, string? headline = null)
    {
        if (json)
        {
            await stdout.WriteLineAsync(report.ToJson());
            return;
        }

        if (headline is not null) await stdout.WriteLineAsync(headline);
        await stdout.WriteLineAsync(report.Accepted
            ? $"ACCEPTED {report.Unit} {report.Period}: {Counted.Of(report.Warnings.Count, "warning", "warnings")}"
            : $"REJECTED {report.Unit} {report.Period}: {Counted.Of(report.Errors.Count, "error", "errors")}, {Counted.Of(report.Warnings.Count, "warning", "warnings")}");
        foreach (var issue in report.Errors.Concat(report.Warnings))
            await stdout.WriteLineAsync($"  {(issue.Severity == IssueSeverity.Error ? "error  " : "warning")} {issue.Code}: {issue.Message}");
    }
}
