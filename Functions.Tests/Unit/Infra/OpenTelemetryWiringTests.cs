using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Functions;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The worker's telemetry composed as Functions/Program composes it: its logs reach OpenTelemetry's exporter at
/// Information (the outcomes are logged there) with the Azure SDK's request chatter left out, and the Azure Monitor
/// exporter is wired only when Azure sets the connection string, sending as the identity the authentication setting names.
/// </summary>
public sealed class OpenTelemetryWiringTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/";
    private static readonly string CoreCategory = typeof(SubmissionIngestor).FullName!;

    [Fact]
    public void Information_logs_of_the_app_reach_the_exporter_with_their_properties()
    {
        var record = Assert.Single(SendThroughTheApp(LogLevel.Information, CoreCategory, "Accepted {Unit} {Period}", "GT", "2021-Q3"));

        Assert.Equal("Accepted GT 2021-Q3", record.FormattedMessage);
        Assert.Equal(LogLevel.Information, record.LogLevel);
        Assert.Contains(record.Attributes!, a => a.Key == "Unit" && Equals(a.Value, "GT"));
    }

    [Fact]
    public void Azure_SDK_request_logs_stay_out_but_its_warnings_do_not()
    {
        Assert.Empty(SendThroughTheApp(LogLevel.Information, "Azure.Core", "Request [{Id}] GET", "1"));
        Assert.Equal(LogLevel.Warning, Assert.Single(SendThroughTheApp(LogLevel.Warning, "Azure.Core", "Request [{Id}] failed", "1")).LogLevel);
    }

    [Fact]
    public void Debug_logs_stay_out()
    {
        Assert.Empty(SendThroughTheApp(LogLevel.Debug, CoreCategory, "Detail {Row}", 12));
    }

    [Fact]
    public void The_Azure_Monitor_exporter_sends_as_the_apps_managed_identity_when_Azure_sets_the_connection_string()
    {
        using var host = BuildApp(new()
        {
            [TelemetryServiceCollectionExtensions.ConnectionSetting] = ConnectionString,
            [TelemetryServiceCollectionExtensions.AuthenticationSetting] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });

        var options = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
    }

    [Fact]
    public void Without_a_connection_string_nothing_is_exported_to_Azure_Monitor()
    {
        using var host = BuildApp([]);

        var options = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.Null(options.ConnectionString);
        Assert.Null(options.Credential);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Authorization=None", false)]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD", true)]
    [InlineData("Authorization=AAD", true)]
    public void The_authentication_setting_names_a_managed_identity_or_none(string? setting, bool identity)
    {
        Assert.Equal(identity, TelemetryServiceCollectionExtensions.CredentialOf(setting) is ManagedIdentityCredential);
    }

    /// <summary>The log records of <paramref name="category"/> that reach the app's OpenTelemetry exporters.</summary>
    private static List<LogRecord> SendThroughTheApp(LogLevel level, string category, string template, params object[] args)
    {
        var exported = new List<LogRecord>();
        using (var host = BuildApp([], services => services.ConfigureOpenTelemetryLoggerProvider(b => b.AddInMemoryExporter(exported))))
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).Log(level, template, args);
        }
        return [.. exported.Where(r => r.CategoryName == category)];
    }

    private static IHost BuildApp(Dictionary<string, string?> settings, Action<IServiceCollection>? add = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["PlanStorage"] = "UseDevelopmentStorage=true";
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.AddServerlessPlanFunctions();
        add?.Invoke(builder.Services);
        return builder.Build();
    }
}
