namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Which quarter reports are about when nobody names one (the digest, <c>GET /api/workbook</c> and the CLI without
/// <c>--period</c>): setting <c>Digest__Period</c>. Names are stable: they are typed into app settings.
/// </summary>
public enum ReportedQuarter
{
    /// <summary>The quarter whose deadline passed most recently: every unit has had its full time to report.</summary>
    LastDue,

    /// <summary>The calendar quarter under way: early figures, most units not due yet.</summary>
    InProgress,
}
