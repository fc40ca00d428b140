namespace ServerlessPlan.Cli.CommandLine;

/// <summary>Exit codes are a promise to scripts: keep them stable.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;
}
