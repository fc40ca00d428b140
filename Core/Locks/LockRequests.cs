using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Locks;

/// <summary>The ST reopens <paramref name="Unit"/>'s quarter for uploads for <paramref name="Days"/> days (the rest of today and that many more).</summary>
/// <param name="By">Who asks (the signed-in ST member in the portal; <c>--by</c> or the OS user in the CLI).</param>
public sealed record ReopenRequest(string Unit, ReportingPeriod Period, int Days, string Reason, string By);

/// <summary>The ST ends <paramref name="Unit"/>'s reopening of the quarter now, before its end.</summary>
public sealed record LockRequest(string Unit, ReportingPeriod Period, string? Reason, string By);
