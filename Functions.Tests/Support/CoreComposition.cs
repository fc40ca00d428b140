using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Mail;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Core composed as the Functions app composes it (<c>AddServerlessPlan</c>)
/// from in-memory settings: what the options tests and the test hosts over Core start from, so each says only what
/// it changes.
/// </summary>
internal static class CoreComposition
{
    /// <summary>
    /// The services before they are built: settings as <see cref="IConfiguration"/>, logging, and whatever
    /// <paramref name="before"/> registers ahead of Core (whose <c>TryAdd</c> registrations then keep it: a clock,
    /// claim timings).
    /// </summary>
    public static ServiceCollection Services(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        before?.Invoke(services);
        services.AddServerlessPlan(configuration);
        return services;
    }

    /// <summary>Core over development storage with these settings (<c>Section:Key</c>), for options read and checked at start.</summary>
    public static ServiceProvider WithSettings(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["PlanStorage"] = "UseDevelopmentStorage=true" };
        foreach (var (key, value) in settings) values[key] = value;
        return Services(values).BuildServiceProvider();
    }

    /// <summary>
    /// Core over one test's Azurite storage and the test plan, with a clock the test moves, SendGrid retried without
    /// waiting and claims that give up sooner than in production.
    /// </summary>
    /// <param name="configure">Added last (the app's telemetry with in-memory exporters: <see cref="TelemetryCapture"/>).</param>
    public static ServiceProvider OverTestStorage(TestStorage storage, IReadOnlyDictionary<string, string?> settings, FakeTimeProvider clock,
        SendClaimTimings timings, Action<IServiceCollection>? configure = null)
    {
        var services = Services(settings, s =>
        {
            s.RetryWithoutWaiting();
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(timings);
        });
        services.AddSingleton(TestPlan.Plans);
        services.AddSingleton(TestPlan.Units);
        services.AddSingleton(storage.Tables);
        services.AddSingleton(storage.Blobs);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>What a starting host does with options registered <c>ValidateOnStart</c>: throws <see cref="OptionsValidationException"/> when one is invalid.</summary>
    public static void ValidateOnStart(this IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();
}
