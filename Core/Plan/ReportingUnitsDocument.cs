namespace ServerlessPlan.Core.Plan;

// The JSON shape of a reporting-units file (see docs/plan-catalog.md); nullable so every gap is reported.

internal sealed class ReportingUnitsDocument
{
    public string? Source { get; set; }
    public List<ReportingUnitDocument?>? Units { get; set; }
}

internal sealed class ReportingUnitDocument
{
    public string? Code { get; set; }
    public LocalizedTextDocument? Name { get; set; }
    public string? Language { get; set; }
    public string? Kind { get; set; }

    /// <summary>The first quarter of membership, <c>YYYY-Qn</c>; absent: a member from the start.</summary>
    public string? From { get; set; }

    /// <summary>The last quarter of membership (inclusive), <c>YYYY-Qn</c>; absent: still a member.</summary>
    public string? Until { get; set; }

    /// <summary>The unit's IANA time zone (<c>America/Guatemala</c>): its days end at midnight there.</summary>
    public string? TimeZone { get; set; }
}
