using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Locks;

/// <summary>
/// <c>serverlessplan reopen</c> and <c>lock</c> over Azurite: what they print, what they record, and their exit codes
/// (0 done or already so, 1 refused, 2 usage; 4 storage unreachable is in <c>StorageUnreachableCliTests</c>).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class LockCliTests(AzuriteFixture azurite) : LockScenario(azurite, new DateTimeOffset(2021, 11, 1, 0, 0, 0, TimeSpan.Zero))
{
    private async Task<(int Exit, string Out, string Err)> RunAsync(DateTimeOffset now, params string[] args)
    {
        Clock.SetUtcNow(now);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, CliSettings(), services => services.AddSingleton<TimeProvider>(Clock));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Reopen_records_and_prints_the_history_again_is_unchanged_and_lock_ends_it()
    {
        var (exit, output, error) = await RunAsync(Nov(19, 10), "reopen", "--unit", "gt", "--period", "2021-Q3", "--days", "7",
            "--reason", "Cambio de punto focal", "--by", "Ana Pérez");
        var (again, againOutput, _) = await RunAsync(Nov(19, 11), "reopen", "--unit", "GT", "--period", "2021-Q3", "--days", "7",
            "--reason", "Cambio de punto focal", "--by", "Ana Pérez");
        var (locked, lockedOutput, _) = await RunAsync(Nov(21, 8), "lock", "--unit", "GT", "--period", "2021-Q3", "--reason", "recibido", "--by", "Luis");
        var (lockedAgain, lockedAgainOutput, _) = await RunAsync(Nov(21, 9), "lock", "--unit", "GT", "--period", "2021-Q3", "--by", "Luis");

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("REOPENED GT 2021-Q3 reopened by Ana Pérez on 19 November 2021 until 26 November 2021 inclusive: \"Cambio de punto focal\"; it accepts reports until 26 November 2021 at 23:59 (Guatemala time, UTC−6).", lines[0]);
        Assert.Equal("GT 2021-Q3: deadline 2021-10-31 06:00 UTC; automatic lock 15 November 2021, 00:00 (Guatemala time, UTC−6; 15 days after the deadline)", lines[1]);
        Assert.Equal("#1 2021-11-19 10:00 UTC Reopened until 26 November 2021 inclusive (took uploads until 2021-11-27 06:00 UTC), by Ana Pérez: Cambio de punto focal", lines[2]);
        Assert.Equal(ExitCodes.Ok, again);
        Assert.StartsWith("UNCHANGED GT 2021-Q3 is already reopened by Ana Pérez", againOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, locked);
        Assert.StartsWith("LOCKED GT 2021-Q3 locked again on 21 November 2021, 02:00 (Guatemala time, UTC−6): the reopening by Ana Pérez of 19 November 2021, meant to last until 26 November 2021 inclusive, ends.",
            lockedOutput, StringComparison.Ordinal);
        Assert.Contains("#2 2021-11-21 08:00 UTC Reopening ended early, by Luis: recibido", lockedOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, lockedAgain);
        Assert.StartsWith("UNCHANGED GT 2021-Q3 is already locked, since 21 November 2021", lockedAgainOutput, StringComparison.Ordinal);
        Assert.Equal(2, (await Locks.StateAsync("GT", Q3, default)).Entries.Count);
    }

    [Fact]
    public async Task The_json_output_is_the_documented_shape()
    {
        var (exit, output, _) = await RunAsync(Nov(19, 10), "reopen", "--unit", "HN", "--period", "2021-Q3", "--days", "3", "--reason", "prórroga", "--by", "Ana", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(("reopened", "HN", "2021-Q3"), (root.GetProperty("outcome").GetString(), root.GetProperty("unit").GetString(), root.GetProperty("period").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("refusal").ValueKind);
        Assert.Equal(LocksAt, root.GetProperty("locksAt").GetDateTimeOffset());
        var entry = Assert.Single(root.GetProperty("entries").EnumerateArray());
        Assert.Equal((1, "reopen", "Ana", "prórroga"), (entry.GetProperty("number").GetInt32(), entry.GetProperty("action").GetString(),
            entry.GetProperty("by").GetString(), entry.GetProperty("reason").GetString()));
        // Honduras is on UTC−6: its days end at 06:00 UTC.
        Assert.Equal(Nov(23, 6), entry.GetProperty("until").GetDateTimeOffset());
        Assert.Equal(Nov(23, 6), entry.GetProperty("tookUploadsUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task Before_the_automatic_lock_both_are_refused_with_exit_1()
    {
        var (reopen, reopenOutput, _) = await RunAsync(Nov(10), "reopen", "--unit", "GT", "--period", "2021-Q3", "--days", "7", "--reason", "x");
        var (locked, lockedOutput, _) = await RunAsync(Nov(10, 1), "lock", "--unit", "GT", "--period", "2021-Q3");

        Assert.Equal((ExitCodes.Rejected, ExitCodes.Rejected), (reopen, locked));
        Assert.StartsWith("REFUSED 2021-Q3 is not locked yet: it accepts GT's reports until 14 November 2021 at 23:59 (Guatemala time, UTC−6) and locks on 15 November 2021.", reopenOutput, StringComparison.Ordinal);
        Assert.StartsWith("REFUSED", lockedOutput, StringComparison.Ordinal);
        Assert.Empty(await Storage.AllAsync(l => l.PeriodLocksTable));
    }

    [Theory]
    [InlineData("reopen", "--unit", "XX", "--period", "2021-Q3", "--days", "7", "--reason", "x")]
    [InlineData("reopen", "--unit", "GT", "--period", "2021-Q9", "--days", "7", "--reason", "x")]
    [InlineData("reopen", "--unit", "GT", "--period", "2030-Q1", "--days", "7", "--reason", "x")]
    [InlineData("reopen", "--unit", "GT", "--period", "2021-Q3", "--days", "siete", "--reason", "x")]
    [InlineData("reopen", "--unit", "GT", "--period", "2021-Q3", "--days", "0", "--reason", "x")]
    [InlineData("reopen", "--unit", "GT", "--period", "2021-Q3", "--days", "7")]
    [InlineData("reopen", "--unit", "GT", "--period", "2021-Q3", "--days", "7", "--reason", " ")]
    [InlineData("lock", "--unit", "GT")]
    [InlineData("lock", "--unit", "GT", "--period", "2021-Q3", "--days", "7")]
    public async Task Mistaken_invocations_are_usage_errors_and_record_nothing(params string[] args)
    {
        var (exit, _, error) = await RunAsync(Nov(20), args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"usage: serverlessplan {args[0]} --unit GT --period 2021-Q3", error, StringComparison.Ordinal);
        Assert.Empty(await Storage.AllAsync(l => l.PeriodLocksTable));
    }
}
