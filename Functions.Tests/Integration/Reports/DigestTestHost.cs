using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>
/// Core composed as the Functions app composes it, over one test's Azurite tables and the test plan, with the real
/// SendGrid client pointed at a <see cref="FakeSendGridServer"/>. Waits are skipped and the clock is set by the test.
/// </summary>
internal sealed class DigestTestHost : IDisposable
{
    public const string Presidency = "presidencia@coalicion.example";
    public const string Secretariat = "st@coalicion.example";
    public const string BaseUrl = "https://func.example";

    private DigestTestHost(TestStorage storage, Dictionary<string, string?> settings, TestClock clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<RetryDelay>((_, _) => Task.CompletedTask);
        services.AddSingleton<TimeProvider>(clock);
        services.AddServerlessPlan(configuration);
        services.AddSingleton(ReportTestPlan.Catalog);
        services.AddSingleton(ReportTestPlan.Units);
        services.AddSingleton(storage.Tables);
        services.AddSingleton(storage.Blobs);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public DigestService Digests => Services.GetRequiredService<DigestService>();

    public DigestStore Store => Services.GetRequiredService<DigestStore>();

    public static DigestTestHost Create(TestStorage storage, FakeSendGridServer server, TestClock clock, long? maxAttachmentBytes = null)
    {
        var settings = storage.Settings();
        settings["Mail:SendGridApiKey"] = "SG.test-key-not-a-secret";
        settings["Mail:SendGridHost"] = server.BaseUrl;
        settings["Mail:MaxAttempts"] = "3";
        settings["Mail:FromAddress"] = Secretariat;
        settings["Digest:Recipients"] = $"{Presidency}; {Secretariat}";
        settings["Digest:DownloadBaseUrl"] = BaseUrl + "/";
        if (maxAttachmentBytes is { } max) settings["Digest:MaxAttachmentBytes"] = max.ToString();
        return new DigestTestHost(storage, settings, clock);
    }

    public void Dispose() => Services.Dispose();
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
