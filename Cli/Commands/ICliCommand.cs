namespace ServerlessPlan.Cli.Commands;

/// <summary>A CLI verb. Implementations read their arguments, delegate to Core services and return an exit code.</summary>
public interface ICliCommand
{
    /// <summary>The verb, e.g. <c>template</c>.</summary>
    string Name { get; }

    /// <summary>One usage line, shown by <c>help</c> and on usage errors.</summary>
    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken);
}
