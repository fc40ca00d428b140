using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.OpenData;

/// <summary>What a package covers: one quarter (<see cref="Period"/>), or every quarter of every plan in force (null).</summary>
public sealed record DatasetScope(ReportingPeriod? Period)
{
    public static DatasetScope All { get; } = new((ReportingPeriod?)null);

    public static DatasetScope Of(ReportingPeriod period) => new(period);

    public bool IsAll => Period is null;

    /// <summary><c>2021-Q3</c> or <c>all</c>: how file names and logs say it.</summary>
    public override string ToString() => Period?.ToString() ?? "all";
}
