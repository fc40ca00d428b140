namespace ServerlessPlan.Cli.CommandLine;

/// <summary>A wrong invocation (unknown flag, bad period, unreadable file): exit code 2 with this message.</summary>
public sealed class UsageException(string message) : Exception(message);
