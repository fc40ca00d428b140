namespace ServerlessPlan.Cli.CommandLine;

/// <summary>Exit codes are a promise to scripts: keep them stable (README, "CLI").</summary>
public static class ExitCodes
{
    /// <summary>Done (a sheet accepted, a file written, a digest rendered or sent).</summary>
    public const int Ok = 0;

    /// <summary>The sheet was rejected.</summary>
    public const int Rejected = 1;

    /// <summary>A wrong invocation or an unreadable or unwritable file.</summary>
    public const int Usage = 2;

    /// <summary>Nothing to report for the period: no accepted sheet, or the calendar's quarter is outside the plan.</summary>
    public const int NoData = 3;

    /// <summary>Azurite or Azure Storage did not answer at all.</summary>
    public const int StorageUnreachable = 4;
}
