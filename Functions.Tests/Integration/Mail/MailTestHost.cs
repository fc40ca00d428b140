using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Mail;

/// <summary>
/// Core composed as the apps compose it (<c>AddServerlessPlan</c>), with two seams replaced: waits are recorded
/// instead of slept, and the clock is fixed.
/// </summary>
internal sealed class MailTestHost : IDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 4, 15, 13, 30, 0, TimeSpan.Zero);

    private readonly List<TimeSpan> _delays = [];

    private MailTestHost(Dictionary<string, string?> settings, TimeSpan? attemptTimeout = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        // Registered before Core so its TryAdd defaults step aside.
        services.AddSingleton<RetryDelay>((wait, _) =>
        {
            lock (_delays) _delays.Add(wait);
            return Task.CompletedTask;
        });
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        services.AddServerlessPlan(configuration);
        if (attemptTimeout is { } timeout)
            services.AddHttpClient(SendGridMailSender.HttpClientName, c => c.Timeout = timeout);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    public ServiceProvider Services { get; }

    public ListLoggerProvider Logs { get; } = new();

    public IReadOnlyList<TimeSpan> Delays
    {
        get { lock (_delays) return [.. _delays]; }
    }

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
            : [new MailAttachment("avance-2024-T2.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", WorkbookBytes)],
    };
}
