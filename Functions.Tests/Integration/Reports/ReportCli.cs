using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Cli;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>Runs a CLI verb over one test's storage with the small report test plan in place of the real one.</summary>
internal static class ReportCli
{
    public static Task<(int Exit, string Out, string Err)> RunAsync(TestStorage storage, Dictionary<string, string?>? extra, params string[] args) =>
        RunAsync(storage, extra, null, args);

    /// <param name="now">The clock the verb runs on (the system clock when null).</param>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(TestStorage storage, Dictionary<string, string?>? extra,
        DateTimeOffset? now, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var settings = storage.Settings();
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        var exit = await CliApp.RunAsync(args, stdout, stderr, settings, services =>
        {
            // The seeded data uses TestPlan's activities and units, and this test's own storage clients.
            services.AddSingleton(TestPlan.Plans);
            services.AddSingleton(TestPlan.Units);
            services.AddSingleton(storage.Tables);
            services.AddSingleton(storage.Blobs);
            if (now is { } at) services.AddSingleton<TimeProvider>(new FakeTimeProvider(at));
        });
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
