using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.Commands;

namespace ServerlessPlan.Bench;

/// <summary>
/// <c>serverlessplan-bench [bench] [--scale …] [--only …] [--json]</c>: the CLI's composition with the bench verb
/// added, so the flags, output and exit codes are those of the <c>bench</c> verb the CLI used to carry.
/// </summary>
public static class BenchApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default) =>
        CliApp.RunAsync(args is ["bench", ..] ? args : ["bench", .. args], stdout, stderr, settings,
            services => services.AddSingleton<ICliCommand, BenchCommand>(), cancellationToken);
}
