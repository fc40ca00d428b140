using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// What <c>reopen</c> and <c>lock</c> share: the unit and period flags, who acts, and the printout of the change and the
/// unit's lock history, for people or (<c>--json</c>) for scripts. Exit 0 recorded or already so, 1 refused (the quarter
/// has not locked, or never locks), 2 a request that is wrong in itself (unknown unit, bad days, no reason).
/// </summary>
internal static class LockPrinter
{
    public static (string Unit, ReportingPeriod Period, string By) Target(Arguments arguments) =>
        (arguments.RequiredOption("unit"), RequestArguments.Period(arguments.RequiredOption("period")),
            arguments.Option("by") ?? Environment.UserName);

    public static async Task<int> PrintAsync(TextWriter stdout, LockChange change, bool json)
    {
        if (change.IsInvalidRequest) throw new UsageException(change.Message.En);
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(Report.Of(change), ValidationReport.JsonOptions));
        }
        else
        {
            var word = change.Outcome switch
            {
                LockChangeOutcome.Reopened => "REOPENED",
                LockChangeOutcome.AlreadyReopened => "UNCHANGED",
                LockChangeOutcome.Locked => "LOCKED",
                LockChangeOutcome.AlreadyLocked => "UNCHANGED",
                _ => "REFUSED",
            };
            await stdout.WriteLineAsync($"{word} {change.Message.En}");
            if (change.State is { } state) await PrintStateAsync(stdout, state);
        }

        return change.Outcome == LockChangeOutcome.Refused ? ExitCodes.Rejected : ExitCodes.Ok;
    }

    private static async Task PrintStateAsync(TextWriter stdout, PeriodLockState state)
    {
        await stdout.WriteLineAsync($"  {state.Unit} {state.Period}: deadline {state.Deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC; " +
            $"automatic lock {LockTexts.AutomaticLock(state.Dates).En}");
        var windows = state.Windows;
        foreach (var entry in state.Entries.OrderBy(e => e.Number))
        {
            var took = windows.FirstOrDefault(w => w.Reopening.Number == entry.Number) is { } w ? $" (took uploads until {w.Closes.UtcDateTime:yyyy-MM-dd HH:mm} UTC)" : "";
            await stdout.WriteLineAsync($"  #{entry.Number} {entry.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC {LockTexts.Action(entry, state.Zone).En}{took}, by {entry.By}: {entry.Reason}");
        }
    }

    /// <summary>The <c>--json</c> shape (a contract, docs/follow-up.md).</summary>
    private sealed record Report(string Outcome, string? Refusal, string Message, string MessageEs, string? Unit, string? Period,
        DateTimeOffset? Deadline, DateTimeOffset? LocksAt, IReadOnlyList<EntryReport> Entries)
    {
        public static Report Of(LockChange change)
        {
            var state = change.State;
            var windows = state?.Windows ?? [];
            return new Report(JsonNamingPolicy.CamelCase.ConvertName(change.Outcome.ToString()),
                change.Refusal is { } r ? JsonNamingPolicy.CamelCase.ConvertName(r.ToString()) : null, change.Message.En, change.Message.Es,
                state?.Unit, state?.Period.ToString(), state?.Deadline, state?.LocksAt,
                (state?.Entries ?? []).OrderBy(e => e.Number).Select(e => new EntryReport(e.Number, JsonNamingPolicy.CamelCase.ConvertName(e.Action.ToString()),
                    e.At, e.Until, windows.FirstOrDefault(w => w.Reopening.Number == e.Number)?.Closes, e.By, e.Reason)).ToList());
        }
    }

    private sealed record EntryReport(int Number, string Action, DateTimeOffset At, DateTimeOffset? Until, DateTimeOffset? TookUploadsUntil,
        string By, string Reason);
}
