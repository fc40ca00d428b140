using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Requests;

namespace ServerlessPlan.Cli.CommandLine;

/// <summary>A flag's unit, period or language read by Core's <see cref="RequestWords"/>: a mistake is a usage error in its English wording.</summary>
internal static class RequestArguments
{
    public static ReportingPeriod Period(string text) =>
        RequestWords.TryPeriod(text, out var period, out var error) ? period : throw new UsageException(error.En);

    public static Language Language(string text) =>
        RequestWords.TryLanguage(text, out var language, out var error) ? language : throw new UsageException(error.En);

    public static ReportingUnit Unit(ReportingUnits units, string text) =>
        RequestWords.TryUnit(units, text, out var unit, out var error) ? unit : throw new UsageException(error.En);
}
