using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Portal;
using ServerlessPlan.LocalHost;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>serve [--port N] [--demo DIR [--period 2021-Q3]] [--no-dev-sign-in]</c>: the portal and the HTTP API on
/// <c>http://127.0.0.1:N/</c> through the same function classes the Functions host runs
/// (<see cref="LocalFunctionsServer"/>: routes from their <c>[HttpTrigger]</c> attributes, Event Grid's blob deliveries
/// emulated), with the development sign-in on, until Ctrl-C. <c>--no-dev-sign-in</c> serves it as Azure does for
/// everything the smoke test (<c>scripts/smoke.sh</c>) checks: no sign-in stands in for App Service Authentication, so
/// no <c>X-MS-CLIENT-PRINCIPAL</c> is believed, and the API demands a function key (a fresh one, printed). With <c>--demo</c> it first loads the demo's data (the <c>demo</c> verb's pipeline) and keeps the demo's
/// clock, so the portal shows the quarters as they stood just after the demo quarter's deadline. A CLI verb rather
/// than a mode of the Functions app: the Functions app's entry point stays the host's alone, and the CLI already owns
/// the local verbs (demo; the bench measures the portal through this same server). Exit codes as every verb's: 4 when
/// storage does not answer, 2 when the plans in force cannot be served or the port is taken, 0 after Ctrl-C.
/// </summary>
public sealed class ServeCommand(IConfiguration configuration, DemoCommand demo, DemoClock clock, CliPlans plans) : ICliCommand
{
    /// <summary>The sample API link printed for a local run: GT's template for 2021-Q4.</summary>
    private static readonly string SampleTemplate = PortalRoutes.Fill(PortalRoutes.ApiTemplate, ("unit", "GT"), ("period", "2021-Q4"));

    public string Name => "serve";

    public string Usage => "serve [--port 8080] [--demo DIR [--period 2021-Q3]] [--no-dev-sign-in]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "no-dev-sign-in");
        var portText = arguments.Option("port") ?? "8080";
        var demoDir = arguments.Option("demo");
        var period = arguments.Option("period");
        var developmentSignIn = !arguments.Switch("no-dev-sign-in");
        arguments.RejectUnknown(maxPositionals: 0);
        if (!int.TryParse(portText, out var port) || port is < 0 or > 65535)
            throw new UsageException($"--port must be a TCP port (0–65535), not '{portText}'.");
        if (period is not null && demoDir is null) throw new UsageException("--period goes with --demo.");

        if (demoDir is not null)
        {
            var demoArgs = new List<string> { "--out", demoDir };
            if (period is not null) demoArgs.AddRange(["--period", period]);
            var loaded = await demo.RunAsync(demoArgs, stdout, cancellationToken);
            if (loaded != ExitCodes.Ok) return loaded;
        }

        // Before serving: storage answers (else exit 4) and the plans in force can be served (else exit 2), said in one line.
        await plans.InForceAsync(cancellationToken);

        var settings = configuration.AsEnumerable().Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value);
        settings[$"{PortalOptions.Section}:{nameof(PortalOptions.DevelopmentSignIn)}"] = developmentSignIn ? "true" : "false";
        var functionKey = developmentSignIn ? null : FunctionKeys.NewKey();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        try
        {
            await using var server = await LocalFunctionsServer.StartAsync(new LocalFunctionsServer.Options
            {
                Settings = settings,
                Address = IPAddress.Loopback,
                Port = port,
                FunctionKey = functionKey,
                // The demo's clock, and its reading of arrival times: an upload made now lands on the story's dates.
                ConfigureServices = services =>
                {
                    services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                    services.Replace(ServiceDescriptor.Singleton<ArrivalClock>(new DemoArrivalClock(clock)));
                },
                ConfigureLogging = logging => logging
                    .AddSimpleConsole(o => o.SingleLine = true)
                    .SetMinimumLevel(LogLevel.Information)
                    .AddFilter("Microsoft", LogLevel.Warning)
                    .AddFilter("System", LogLevel.Warning)
                    .AddFilter("Azure", LogLevel.Error),
            });
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync($"Portal and HTTP API at {server.BaseAddress}  (clock: {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC)");
            if (developmentSignIn)
            {
                await stdout.WriteLineAsync($"  sign in: {server.BaseAddress}{PortalRoutes.Fill(PortalRoutes.SignIn, ("provider", "aad"))}  (development sign-in: pick a unit's role, Coalition.Reader or Coalition.Admin)");
                await stdout.WriteLineAsync($"  API:     {server.BaseAddress}{SampleTemplate}, {server.BaseAddress}{PortalRoutes.ApiWorkbook}?period=2021-Q3");
            }
            else
            {
                await stdout.WriteLineAsync("  No development sign-in: nobody can sign in, as in Azure before App Service Authentication is configured.");
                await stdout.WriteLineAsync($"  API:     {server.BaseAddress}{SampleTemplate}?code={functionKey}  (function key required)");
                await stdout.WriteLineAsync($"  Smoke test: bash scripts/smoke.sh {server.BaseAddress}");
            }
            await stdout.WriteLineAsync("  New blobs under uploads/ (from the portal or any tool writing to Azurite) are ingested as Event Grid would deliver them.");
            await stdout.WriteLineAsync("  Ctrl-C to stop.");
            await stdout.FlushAsync(CancellationToken.None);
            await server.RunUntilAsync(stop.Token);
            await stdout.WriteLineAsync("Stopping.");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        return ExitCodes.Ok;
    }
}
