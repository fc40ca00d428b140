namespace ServerlessPlan.Core.OpenData;

/// <summary>What a package holds: its scope and instant, the quarters it covers, and the rows of each table by name.</summary>
public sealed record PackageSummary(
    DatasetScope Scope,
    DateTimeOffset? AsOf,
    DatasetFormat Format,
    IReadOnlyList<string> Periods,
    IReadOnlyDictionary<string, long> Rows);
