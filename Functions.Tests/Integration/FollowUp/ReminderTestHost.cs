using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Support.ReportStorage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>
/// Core composed as the Functions app composes it, over one test's Azurite tables and the report test plan (GT, HN, BZ
/// in English, ST), with the real SendGrid client pointed at a <see cref="FakeSendGridServer"/> (or the outbox), a
/// registered contact per unit and the ST's address, and a <see cref="FakeTimeProvider"/> the test moves.
/// </summary>
internal sealed class ReminderTestHost : IDisposable
{
    public const string Secretariat = "st@coalicion.example";

    public static readonly IReadOnlyDictionary<string, string> UnitContacts = new Dictionary<string, string>
    {
        ["GT"] = "gt1@gt.example.org;gt2@gt.example.org",
        ["HN"] = "hn@hn.example.org",
        ["BZ"] = "bz@bz.example.org",
        ["ST"] = "focal.st@coalicion.example",
    };

    /// <summary>Every address the coalition registered in this host's default settings.</summary>
    public static readonly IReadOnlySet<string> Registered =
        UnitContacts.Values.SelectMany(MailAddressList.Parse).Append(Secretariat).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claims as in production (15-minute lease), but a rival gives up waiting after one second, not thirty.</summary>
    public static readonly SendClaimTimings Timings = SendClaimTimings.Default with { Wait = TimeSpan.FromSeconds(1), Poll = TimeSpan.FromMilliseconds(50) };

    public static readonly ReportingPeriod Q3 = new(2021, 3);
    public static readonly ReportingPeriod Q2 = new(2021, 2);

    /// <summary>2021-Q3's deadline with the default 30 days: sheets are late from this instant; the last day to send is October 30.</summary>
    public static readonly DateTimeOffset Deadline = new(2021, 10, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The default timer's firing (13:00 UTC) on a day of October 2021.</summary>
    public static DateTimeOffset October(int day) => new(2021, 10, day, 13, 0, 0, TimeSpan.Zero);

    private ReminderTestHost(TestStorage storage, Dictionary<string, string?> settings, FakeTimeProvider clock)
    {
        Services = CoreComposition.OverTestStorage(storage, settings, clock, Timings);
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public ReminderService Reminders => Services.GetRequiredService<ReminderService>();

    public ReminderStore Store => Services.GetRequiredService<ReminderStore>();

    public ReminderHistory History => Services.GetRequiredService<ReminderHistory>();

    /// <summary>What the timer does when it fires now.</summary>
    public Task<ReminderRun> FireAsync() => Reminders.SendDueAsync(Clock.GetUtcNow(), default);

    /// <param name="server">The SendGrid endpoint; null: no key, so mail goes to the outbox.</param>
    /// <param name="settings">Extra settings, applied last (a null value removes one of this host's).</param>
    public static ReminderTestHost Create(TestStorage storage, FakeSendGridServer? server, FakeTimeProvider clock,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = storage.Settings();
        if (server is not null)
        {
            all["Mail:SendGridApiKey"] = "SG.test-key-not-a-secret";
            all["Mail:SendGridHost"] = server.BaseUrl;
            all["Mail:MaxAttempts"] = "3";
        }
        all["Contacts:SecretariatCopy"] = Secretariat;
        foreach (var (unit, addresses) in UnitContacts) all[$"Contacts:Units:{unit}"] = addresses;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null) all.Remove(key);
            else all[key] = value;
        }
        return new ReminderTestHost(storage, all, clock);
    }

    /// <summary>
    /// 2021-Q2 filed by every unit; 2021-Q3: GT accepted, HN rejected only (its sheet names an unregistered address),
    /// BZ and ST nothing.
    /// </summary>
    public static async Task SeedAsync(TestStorage storage)
    {
        foreach (var unit in Units.All)
            await SubmitAsync(storage, unit.Code, Q2, new DateTimeOffset(2021, 7, 20, 0, 0, 0, TimeSpan.Zero), [Row(unit.Code, Q2, Shared, 50)]);
        await SubmitAsync(storage, "GT", Q3, new DateTimeOffset(2021, 10, 10, 0, 0, 0, TimeSpan.Zero), [Row("GT", Q3, National, 40)]);
        var rejected = await RejectAsync(storage, "HN", Q3, new DateTimeOffset(2021, 10, 12, 0, 0, 0, TimeSpan.Zero));
        rejected.FocalPointEmail = Intruder;
        await storage.Submissions().UpsertAsync(rejected, default);
    }

    /// <summary>The address HN's rejected sheet names: nobody registered it, so it must never receive anything.</summary>
    public const string Intruder = "intruso@evil.example";

    public void Dispose() => Services.Dispose();
}

/// <summary>One message as the fake SendGrid received it.</summary>
internal sealed record SentMail(string MessageKey, string Subject, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Text, string Html)
{
    public static SentMail Of(RecordedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var personalization = root.GetProperty("personalizations")[0];
        IReadOnlyList<string> Addresses(string name) => personalization.TryGetProperty(name, out var list)
            ? list.EnumerateArray().Select(a => a.GetProperty("email").GetString()!).ToList()
            : [];
        string Content(string type) => root.GetProperty("content").EnumerateArray()
            .Single(c => c.GetProperty("type").GetString() == type).GetProperty("value").GetString()!;
        var subject = personalization.TryGetProperty("subject", out var s) ? s.GetString()! : root.GetProperty("subject").GetString()!;
        return new SentMail(root.GetProperty("custom_args").GetProperty(SendGridMailSender.MessageKeyArg).GetString()!,
            subject, Addresses("to"), Addresses("cc"), Content("text/plain"), Content("text/html"));
    }
}

internal static class SentMails
{
    public static IReadOnlyList<SentMail> Mails(this FakeSendGridServer server) => server.Requests.Select(SentMail.Of).ToList();

    /// <summary>Queues <paramref name="count"/> accepted answers.</summary>
    public static FakeSendGridServer Accept(this FakeSendGridServer server, int count)
    {
        for (var i = 0; i < count; i++) server.Respond(202);
        return server;
    }
}
