using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The <c>Reminders</c> table: one row per follow-up mail, claimed before it is sent as the digest's slots are
/// (<see cref="SendClaimTable{T}"/>: an insert-if-absent; a failed claim, or one whose run died, taken over with the
/// row's ETag), so of racing runs exactly one sends. Keys (<see cref="ReminderEntity"/>): partition = quarter, row =
/// <c>{unit}|{kind}</c>; weekly lists in their own partition, row = ISO week.
/// </summary>
public sealed class ReminderStore(TableServiceClient tables, StorageLayout layout, ILogger<ReminderStore> logger)
{
    private const char Separator = '|';

    private readonly SendClaimTable<ReminderEntity> _table = new(tables.GetTableClient(layout.RemindersTable), logger, e => e.MessageKey);

    /// <summary>The partition of a quarter's reminders to units.</summary>
    public static string PeriodPartition(ReportingPeriod period) => period.ToString();

    /// <summary>The row of one unit's reminder of one kind (<c>GT|before-14</c>, <c>GT|late</c>).</summary>
    public static string UnitRow(string unit, string kindKey) => $"{unit.ToUpperInvariant()}{Separator}{kindKey}";

    /// <summary>Claims <paramref name="claim"/>'s row for this run, unless it was sent (or cancelled) or another live run holds it.</summary>
    public async Task<ReminderClaim> TryClaimAsync(ReminderEntity claim, TimeSpan lease, CancellationToken ct)
    {
        var (outcome, row) = await _table.TryClaimAsync(claim, lease,
            e => e.StateValue is ReminderSendState.Sent or ReminderSendState.Cancelled, ct);
        return new ReminderClaim(outcome, row);
    }

    /// <summary>Records the provider's acceptance. Unconditional if the claim moved meanwhile: the mail did go out.</summary>
    public Task MarkSentAsync(ReminderEntity claim, CancellationToken ct)
    {
        claim.State = nameof(ReminderSendState.Sent);
        claim.Error = null;
        return _table.MarkSentAsync(claim, ct);
    }

    /// <summary>Records a failed send (retryable by the next run), unless another run has taken the claim over since.</summary>
    public Task MarkFailedAsync(ReminderEntity claim, string error, CancellationToken ct) =>
        MarkUnsentAsync(claim, ReminderSendState.Failed, error, ct);

    /// <summary>Records that the mail is not needed after all, unless another run has taken the claim over since.</summary>
    public Task MarkCancelledAsync(ReminderEntity claim, string reason, CancellationToken ct) =>
        MarkUnsentAsync(claim, ReminderSendState.Cancelled, reason, ct);

    private Task MarkUnsentAsync(ReminderEntity claim, ReminderSendState state, string error, CancellationToken ct)
    {
        claim.State = state.ToString();
        claim.Error = error.Length <= 4000 ? error : error[..4000];
        return _table.MarkUnsentAsync(claim, ct);
    }

    public Task<ReminderEntity?> GetAsync(string partition, string row, CancellationToken ct) => _table.GetAsync(partition, row, ct);

    /// <summary>Every reminder and late notice of a quarter, all units (one partition).</summary>
    public Task<IReadOnlyList<ReminderEntity>> ForPeriodAsync(ReportingPeriod period, CancellationToken ct) =>
        _table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {PeriodPartition(period)}"), ct);

    /// <summary>One unit's reminders and late notice of a quarter (a row-key range inside the quarter's partition).</summary>
    public Task<IReadOnlyList<ReminderEntity>> ForUnitAsync(ReportingPeriod period, string unit, CancellationToken ct)
    {
        var code = unit.ToUpperInvariant();
        if (code.Length == 0 || !code.All(char.IsAsciiLetterOrDigit)) return Task.FromResult<IReadOnlyList<ReminderEntity>>([]);
        return _table.QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {PeriodPartition(period)} and RowKey ge {code + Separator} and RowKey lt {code + (char)(Separator + 1)}"), ct);
    }

    /// <summary>The ST's weekly lists from ISO week <paramref name="fromWeek"/> to <paramref name="toWeek"/> inclusive (keys sort by week).</summary>
    public Task<IReadOnlyList<ReminderEntity>> WeeklyListsAsync(string fromWeek, string toWeek, CancellationToken ct) =>
        _table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {ReminderEntity.WeeklyPartition} and RowKey ge {fromWeek} and RowKey le {toWeek}"), ct);
}

/// <summary>The result of <see cref="ReminderStore.TryClaimAsync"/>: the outcome and the row as this run now knows it.</summary>
public sealed record ReminderClaim(SendClaimOutcome Outcome, ReminderEntity Entity);
