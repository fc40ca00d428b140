using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Commands;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli;

/// <summary>Entry point shared by <c>Program</c> and the tests: parse the verb, run it, map failures to exit codes.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, settings, configureServices: null, cancellationToken);

    /// <param name="configureServices">Registrations applied last, so tests can supply what a branch does not compose yet.</param>
    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken = default)
    {
        using var host = BuildHost(settings, configureServices);
        var commands = host.Services.GetServices<ICliCommand>().ToList();

        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await PrintUsageAsync(stdout, commands);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await stderr.WriteLineAsync($"Unknown command '{args[0]}'.");
            await PrintUsageAsync(stderr, commands);
            return ExitCodes.Usage;
        }

        try
        {
            return await command.RunAsync(args[1..], stdout, cancellationToken);
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            await stderr.WriteLineAsync($"usage: serverlessplan {command.Usage}");
            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (UnauthorizedAccessException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (StorageUnreachableException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.StorageUnreachable;
        }
        catch (Exception ex) when (ex is PlansInForceException or PlanFormatException)
        {
            // The plans in force cannot be served: the deployment (a plan file, Plan__Id) or a published plan is wrong.
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    private static readonly Dictionary<string, string?> LocalDefaults = new()
    {
        ["PlanStorage"] = "UseDevelopmentStorage=true",
    };

    private static IHost BuildHost(IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        // Lowest priority: local defaults (Azurite on its standard ports); environment and --settings override them.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = LocalDefaults,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter(level => level >= LogLevel.Warning);
        // The SDK logs expected 404s (blob-not-found probes, create-if-not-exists) as warnings: only real failures matter here.
        builder.Logging.AddFilter("Azure", LogLevel.Error);
        // Logs go to stderr: stdout carries the verb's output, which scripts parse (--json).
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddCliServices(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    private static async Task PrintUsageAsync(TextWriter writer, IEnumerable<ICliCommand> commands)
    {
        await writer.WriteLineAsync("ServerlessPlan — quarterly reporting of the Coalición Regional's operational plan.");
        await writer.WriteLineAsync("usage:");
        foreach (var c in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
            await writer.WriteLineAsync($"  serverlessplan {c.Usage}");
    }
}
