using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
    public const string PortalUrl = "https://portal.example/plan";

    /// <summary>Claims behave as in production but a rival waits three seconds, not thirty, before giving up.</summary>
    public static readonly SendClaimTimings Timings = SendClaimTimings.Default with { Wait = TimeSpan.FromSeconds(3), Poll = TimeSpan.FromMilliseconds(50) };

    private DigestTestHost(TestStorage storage, Dictionary<string, string?> settings, FakeTimeProvider clock, Action<IServiceCollection>? configure)
    {
        Services = CoreComposition.OverTestStorage(storage, settings, clock, Timings, configure);
    }

    public ServiceProvider Services { get; }

    public DigestService Digests => Services.GetRequiredService<DigestService>();

    public DigestStore Store => Services.GetRequiredService<DigestStore>();

    /// <param name="settings">Extra settings, applied last (a null value removes a default of this host).</param>
    public static DigestTestHost Create(TestStorage storage, FakeSendGridServer server, FakeTimeProvider clock, long? maxAttachmentBytes = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var all = storage.Settings();
        all["Mail:SendGridApiKey"] = "SG.test-key-not-a-secret";
        all["Mail:SendGridHost"] = server.BaseUrl;
        all["Mail:MaxAttempts"] = "3";
        all["Mail:FromAddress"] = Secretariat;
        all["Digest:Recipients"] = $"{Presidency}; {Secretariat}";
        all["Portal:BaseUrl"] = PortalUrl + "/";
        if (maxAttachmentBytes is { } max) all["Digest:MaxAttachmentBytes"] = max.ToString();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null) all.Remove(key);
            else all[key] = value;
        }
        return new DigestTestHost(storage, all, clock, configure);
    }

    public void Dispose() => Services.Dispose();
}

/// <summary>What the fake SendGrid received, read as a digest test reads it.</summary>
internal static class SentDigest
{
    /// <summary>The plain-text part of a request's v3 payload.</summary>
    public static string PlainText(this RecordedRequest request)
    {
        using var json = System.Text.Json.JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("content").EnumerateArray()
            .Single(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!;
    }
}
