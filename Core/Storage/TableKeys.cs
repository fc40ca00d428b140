using Azure.Data.Tables;
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

    /// <summary>Filter selecting the current pointers of every unit of a period.</summary>
    public static string PeriodPointersFilter(ReportingPeriod period) => TableClient.CreateQueryFilter(
        $"PartitionKey ge {PeriodStart(period)} and PartitionKey lt {PeriodEnd(period)} and RowKey eq {CurrentPointerRow}");

    /// <summary>Filter selecting every history entry (neither the pointers nor the arrival log) of every unit of a period.</summary>
    public static string PeriodHistoryFilter(ReportingPeriod period) => TableClient.CreateQueryFilter(
        $"PartitionKey ge {PeriodStart(period)} and PartitionKey lt {PeriodEnd(period)} and RowKey ne {CurrentPointerRow} and RowKey lt {ArrivalLogStart}");

    /// <summary>
    /// Filter selecting one unit-and-period's history entries: neither its pointer nor its arrival log, which share the
    /// partition (an arrival read as a history entry is an upload "en proceso" dated 1 January 0001).
    /// </summary>
    public static string UnitPeriodHistoryFilter(ReportingPeriod period, string unit) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {Partition(period, unit)} and RowKey ne {CurrentPointerRow} and RowKey lt {ArrivalLogStart}");

    /// <summary>Filter selecting the portal's records of who sent a unit-and-period's uploads (<see cref="PortalSenderEntity"/>).</summary>
    public static string UnitPeriodSendersFilter(ReportingPeriod period, string unit) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {Partition(period, unit)} and RowKey ge {PortalSenderEntity.RowPrefix} and RowKey lt {SendersEnd}");

    private static string SendersEnd => PortalSenderEntity.RowPrefix[..^1] + (char)(Separator + 1);

    /// <summary>Filter selecting the arrival log (<see cref="ArrivalEntity"/>) of every unit of a period.</summary>
    public static string PeriodArrivalsFilter(ReportingPeriod period) => TableClient.CreateQueryFilter(
        $"PartitionKey ge {PeriodStart(period)} and PartitionKey lt {PeriodEnd(period)} and RowKey ge {ArrivalEntity.RowPrefix} and RowKey lt {ArrivalLogEnd}");

    // Submission ids are hex digests (or "unread-…"): every history row key sorts before '~'.
    private const string ArrivalLogStart = "~";

    private static string ArrivalLogEnd => ArrivalEntity.RowPrefix[..^1] + (char)(Separator + 1);

    // A period's partitions are the keys from "{period}|" up to, not including, "{period}}" ('}' follows '|').
    private static string PeriodStart(ReportingPeriod period) => $"{period}{Separator}";

    private static string PeriodEnd(ReportingPeriod period) => $"{period}{(char)(Separator + 1)}";

    /// <summary>Filter selecting every partition of the periods from <paramref name="from"/> to <paramref name="to"/> (all units).</summary>
    public static string PeriodRangeFilter(ReportingPeriod from, ReportingPeriod to) =>
        $"PartitionKey ge '{from}{Separator}' and PartitionKey lt '{to}{(char)(Separator + 1)}'";

    /// <summary>The pointer entity naming a unit-and-period's current submission.</summary>
    public const string CurrentPointerRow = "current";
}
