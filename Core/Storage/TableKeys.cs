using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Partition and row keys, designed for the two queries reports run: one period across all units
/// (a partition-key range <c>{period}|</c>…<c>{period}}</c>) and one unit across periods (a scan by <c>Unit</c>, or
/// one point lookup per period). A unit-and-period is one partition, so every write about it can share a transaction.
/// </summary>
public static class TableKeys
{
    private const char Separator = '|';

    public static string Partition(ReportingPeriod period, string unit) => $"{period}{Separator}{unit}";

    /// <summary>Filter selecting every partition of a period (all units).</summary>
    public static string PeriodFilter(ReportingPeriod period) =>
        $"PartitionKey ge '{period}{Separator}' and PartitionKey lt '{period}{(char)(Separator + 1)}'";

    /// <summary>Filter selecting every partition of the periods from <paramref name="from"/> to <paramref name="to"/> (all units).</summary>
    public static string PeriodRangeFilter(ReportingPeriod from, ReportingPeriod to) =>
        $"PartitionKey ge '{from}{Separator}' and PartitionKey lt '{to}{(char)(Separator + 1)}'";

    /// <summary>The pointer entity naming a unit-and-period's current submission.</summary>
    public const string CurrentPointerRow = "current";
}
