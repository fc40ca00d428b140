using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Functions;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// What the worker's logs look like to Application Insights in Azure: the app composed as Functions/Program composes
/// it, its real filter options and its real Application Insights logger provider, with the telemetry channel (the
/// network sender) swapped for one that keeps what it is given.
/// </summary>
public sealed class ApplicationInsightsLoggingTests
{
    private static readonly string CoreCategory = typeof(SubmissionIngestor).FullName!;

    [Fact]
    public void Information_logs_of_the_app_reach_Application_Insights()
    {
        var telemetry = SendThroughTheApp(LogLevel.Information, CoreCategory, "Accepted {Unit} {Period}", "GT", "2021-Q3");

        var trace = Assert.Single(telemetry);
        Assert.Equal("Accepted GT 2021-Q3", trace.Message);
        Assert.Equal(SeverityLevel.Information, trace.SeverityLevel);
        Assert.Equal(CoreCategory, trace.Properties["CategoryName"]);
        Assert.Equal("GT", trace.Properties["Unit"]);
    }

    [Fact]
    public void The_app_removes_the_SDK_rule_that_keeps_only_warnings()
    {
        var rules = AppFilterOptions().Rules
            .Where(r => r.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName)
            .ToList();

        Assert.DoesNotContain(rules, r => string.IsNullOrEmpty(r.CategoryName) && r.LogLevel > LogLevel.Information);
    }

    [Fact]
    public void The_SDK_alone_drops_Information_which_is_why_the_app_removes_its_rule()
    {
        // The same packages without the app's filter change: proves the first test would fail without it.
        var services = new ServiceCollection();
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;

        Assert.Contains(options.Rules, r => r.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName
                                            && string.IsNullOrEmpty(r.CategoryName) && r.LogLevel == LogLevel.Warning);
    }

    [Fact]
    public void Azure_SDK_request_logs_stay_out_of_Application_Insights_but_its_warnings_do_not()
    {
        Assert.Empty(SendThroughTheApp(LogLevel.Information, "Azure.Core", "Request [{Id}] GET", "1"));

        var warning = Assert.Single(SendThroughTheApp(LogLevel.Warning, "Azure.Core", "Request [{Id}] failed", "1"));
        Assert.Equal(SeverityLevel.Warning, warning.SeverityLevel);
    }

    [Fact]
    public void Debug_logs_stay_out_as_before()
    {
        Assert.Empty(SendThroughTheApp(LogLevel.Debug, CoreCategory, "Detail {Row}", 12));
    }

    /// <summary>The traces of <paramref name="category"/> that reach the channel (the SDK also sends its own diagnostics).</summary>
    private static IReadOnlyList<TraceTelemetry> SendThroughTheApp(LogLevel level, string category, string template, params object[] args)
    {
        var channel = new KeepingChannel();
        using var host = BuildApp(services => services.AddSingleton<ITelemetryChannel>(channel));
        var provider = host.Services.GetServices<ILoggerProvider>().OfType<ApplicationInsightsLoggerProvider>().Single();
        var filters = host.Services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>();

        // Only the Application Insights provider, under the app's own filter options: the console provider must not
        // be what lets a message through.
        using (var factory = new LoggerFactory([provider], filters))
        {
            factory.CreateLogger(category).Log(level, template, args);
        }

        return [.. channel.Items.OfType<TraceTelemetry>()
            .Where(t => t.Properties.TryGetValue("CategoryName", out var c) && c == category)];
    }

    private static LoggerFilterOptions AppFilterOptions()
    {
        using var host = BuildApp(_ => { });
        return host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;
    }

    private static IHost BuildApp(Action<IServiceCollection> replace)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        // The shape of the connection string Azure sets (APPLICATIONINSIGHTS_CONNECTION_STRING); nothing is sent.
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/";
        builder.Configuration["PlanStorage"] = "UseDevelopmentStorage=true";
        builder.AddServerlessPlanFunctions();
        replace(builder.Services);
        return builder.Build();
    }

    private sealed class KeepingChannel : ITelemetryChannel
    {
        private readonly ConcurrentQueue<ITelemetry> _items = new();

        public IEnumerable<ITelemetry> Items => _items;

        public bool? DeveloperMode { get; set; }

        public string EndpointAddress { get; set; } = "";

        public void Send(ITelemetry item) => _items.Enqueue(item);

        public void Flush() { }

        public void Dispose() { }
    }
}
