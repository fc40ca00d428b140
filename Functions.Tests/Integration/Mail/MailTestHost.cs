using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Mail;

/// <summary>
/// Core composed as the apps compose it (<c>AddServerlessPlan</c>), on a fake clock that starts at <see cref="Now"/>
/// and on which the retries' waits pass at once; what was waited is read from the retry log.
/// </summary>
internal sealed class MailTestHost : IDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 4, 15, 13, 30, 0, TimeSpan.Zero);

    private MailTestHost(Dictionary<string, string?> settings, TimeSpan? attemptTimeout = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        // Registered before Core so its TryAdd default steps aside.
        services.AddSingleton<TimeProvider>(new InstantWaitTimeProvider(Now));
        services.AddServerlessPlan(configuration);
        if (attemptTimeout is { } timeout)
            services.Configure<HttpTimeoutStrategyOptions>(SendGridMailSender.HttpClientName, o => o.Timeout = timeout);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    public ServiceProvider Services { get; }

    public ListLoggerProvider Logs { get; } = new();

    /// <summary>The wait before each retry, as the sender logged it.</summary>
    public IReadOnlyList<TimeSpan> Delays => Logs.Entries
        .Where(e => e.Category == typeof(SendGridMailSender).FullName && e.Properties.ContainsKey("Delay"))
        .Select(e => (TimeSpan)e.Properties["Delay"]!).ToList();

    public IMailSender Sender => Services.GetRequiredService<IMailSender>();

    public static MailTestHost Create(params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value));

    public static MailTestHost ForSendGrid(
        FakeSendGridServer server, int maxAttempts = 5, string apiKey = SampleMail.ApiKey, TimeSpan? attemptTimeout = null) =>
        new(new Dictionary<string, string?>
        {
            ["Mail:SendGridApiKey"] = apiKey,
            ["Mail:SendGridHost"] = server.BaseUrl,
            ["Mail:MaxAttempts"] = maxAttempts.ToString(),
            ["Mail:FromAddress"] = "st@coalicion.example",
            ["Mail:FromName"] = "Secretaría Técnica",
        }, attemptTimeout);

    public void Dispose() => Services.Dispose();
}

internal static class SampleMail
{
    public const string ApiKey = "SG.test-key-not-a-secret";

    public static readonly byte[] WorkbookBytes = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();

    public static OutgoingMail Create(string key, params MailAttachment[] attachments) => new()
    {
        MessageKey = key,
        To = [new MailRecipient("presidencia@coalicion.example", "Presidencia Pro Tempore"), new MailRecipient("st@coalicion.example")],
        Subject = "Resumen trimestral — avance del plan",
        HtmlBody = "<h1>Resumen</h1><p>Ejecución del 2.º trimestre</p>",
        TextBody = "Resumen\nEjecución del 2.º trimestre",
        Category = "digest",
        Attachments = attachments.Length > 0
            ? attachments
            : [new MailAttachment("avance-2024-T2.xlsx", Xlsx.ContentType, WorkbookBytes)],
    };
}
