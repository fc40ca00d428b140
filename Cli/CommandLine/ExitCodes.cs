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

    /// <summary><c>status</c>: something needs attention (a failed or stuck upload, a poison message, a dead-letter, a missing digest or reminder run, a mail owed).</summary>
    public const int NeedsAttention = 5;

    /// <summary>
    /// <c>ingest</c> / <c>replay</c>: merged, but the result mail is claimed by another run that has not finished
    /// ("retry later"): it goes once the claim lapses (the JSON's <c>mail.lapsesAt</c>).
    /// </summary>
    public const int RetryLater = 6;
}
