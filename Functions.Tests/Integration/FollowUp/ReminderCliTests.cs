using System.Text.Json;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.FollowUp.ReminderTestHost;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary><c>serverlessplan reminders [--at INSTANT] [--json]</c> over one test's storage, mail to the outbox (no SendGrid key).</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ReminderCliTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("reminders-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Contacts:SecretariatCopy"] = Secretariat,
            ["Mail:OutboxDirectory"] = Path.Combine(_dir.FullName, "outbox"),
        };
        foreach (var (unit, addresses) in UnitContacts) settings[$"Contacts:Units:{unit}"] = addresses;
        return settings;
    }

    [Fact]
    public async Task Reminders_at_an_instant_sends_what_the_timer_would_and_a_second_run_finds_it_sent()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);

        var (exit, output, error) = await ReportCli.RunAsync(storage, Settings(), "reminders", "--at", "2021-10-28T13:00:00Z", "--json");
        var (againExit, again, _) = await ReportCli.RunAsync(storage, Settings(), "reminders", "--at", "2021-10-28T14:00:00Z");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2021-W43", root.GetProperty("week").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(4, root.GetProperty("sent").GetInt32());
        var fourteen = root.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("period").GetString() == "2021-Q3" && w.GetProperty("key").GetString() == "before-14");
        Assert.Equal("closed", fourteen.GetProperty("state").GetString());
        var mails = root.GetProperty("mails").EnumerateArray().ToList();
        var hn = mails.Single(m => m.GetProperty("messageKey").GetString() == "reminder-HN-2021-Q3-before-3");
        Assert.Equal(("sent", "WrittenToOutbox", "hn@hn.example.org"),
            (hn.GetProperty("outcome").GetString(), hn.GetProperty("delivery").GetString(), hn.GetProperty("recipients")[0].GetString()));
        Assert.Equal("hasAcceptedSheet", mails.Single(m => m.GetProperty("unit").GetString() == "GT" && m.GetProperty("period").GetString() == "2021-Q3")
            .GetProperty("outcome").GetString());
        var list = mails.Single(m => m.GetProperty("kind").GetString() == "weekly-missing");
        Assert.Equal(["2021-Q3"], list.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));

        // The outbox holds the mails under the instant's date (the CLI's clock starts at --at).
        var folders = Directory.GetDirectories(Path.Combine(_dir.FullName, "outbox", "2021-10-28")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["missing-2021-W43", "reminder-BZ-2021-Q3-before-3", "reminder-HN-2021-Q3-before-3", "reminder-ST-2021-Q3-before-3"], folders);
        var bz = await File.ReadAllTextAsync(Path.Combine(_dir.FullName, "outbox", "2021-10-28", "reminder-BZ-2021-Q3-before-3", "body.txt"));
        Assert.Contains("Last day to send: 30 October 2021, until 23:59 (UTC). 3 days left, counting today.", bz);

        Assert.Equal(0, againExit);
        Assert.Contains("Reminders at 2021-10-28T14:00:00Z (week 2021-W43)", again);
        Assert.Contains("2021-Q3 before-14   2021-10-17 00:00 → 2021-10-28 00:00  closed", again);
        Assert.Contains("2021-Q3 before-3 HN: alreadySent, already sent at 2021-10-28T13:00:", again);
        Assert.Contains("2021-Q3 before-3 GT: hasAcceptedSheet", again);
        Assert.Contains("0 sent; nothing due left unsent.", again);
    }

    [Fact]
    public async Task Outside_the_plan_in_force_nothing_is_due_and_the_verb_says_why()
    {
        var (exit, output, error) = await ReportCli.RunAsync(new TestStorage(azurite), Settings(), "reminders", "--at", "2026-01-05T13:00:00+01:00");

        Assert.True(exit == 0, error);
        Assert.Contains("Reminders at 2026-01-05T12:00:00Z (week 2026-W02)", output);
        Assert.Contains("none: no quarter of the plan in force is open or overdue", output);
        Assert.Contains("weekly-missing 2026-W02: nothingMissing, no quarter of the plan in force is being reminded or overdue", output);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "outbox")));
    }

    [Theory]
    [InlineData("--at", "yesterday")]
    [InlineData("--when", "2021-10-28")]
    public async Task A_bad_instant_or_flag_is_a_usage_error(string flag, string value)
    {
        var (exit, _, error) = await ReportCli.RunAsync(new TestStorage(azurite), Settings(), "reminders", flag, value);

        Assert.Equal(2, exit);
        Assert.Contains("usage: serverlessplan reminders [--at INSTANT] [--json]", error);
    }

    [Fact]
    public async Task An_unknown_exempt_unit_fails_start_up_naming_the_setting()
    {
        var settings = Settings();
        settings["Reminders:ExemptUnits"] = "GT;XX";

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ReportCli.RunAsync(new TestStorage(azurite), settings, "reminders", "--at", "2021-10-28"));

        Assert.Contains("Reminders__ExemptUnits: 'XX' is not a reporting unit", ex.ToString());
    }
}
