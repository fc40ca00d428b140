using ServerlessPlan.Cli.CommandLine;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>plan</c>: the plan's lifecycle for the Secretaría Técnica (docs/plan-catalog.md) — <c>export</c> a plan as a
/// workbook, <c>import</c> one to check it, <c>publish</c> it to storage, <c>list</c> the plans in force.
/// </summary>
public sealed class PlanCommand(PlanExportCommand export, PlanImportCommand import, PlanPublishCommand publish, PlanListCommand list) : ICliCommand
{
    private readonly ICliCommand[] _subcommands = [export, import, publish, list];

    public string Name => "plan";

    /// <summary>One line per sub-verb: <c>help</c> prints them under each other.</summary>
    public string Usage => string.Join(Environment.NewLine + "  serverlessplan ", _subcommands.Select(s => s.Usage));

    public Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", _subcommands.Select(s => s.Name));
        if (args.Count == 0) throw new UsageException($"plan needs a sub-command: {names}.");
        var subcommand = _subcommands.FirstOrDefault(s => s.Name == args[0])
            ?? throw new UsageException($"Unknown plan sub-command '{args[0]}': use {names}.");
        return subcommand.RunAsync(args.Skip(1).ToList(), stdout, cancellationToken);
    }
}
