using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The <c>Reminders</c> table: one row per follow-up mail, claimed before it is sent, as the <c>Digests</c> table's
/// slots are (<see cref="DigestStore"/>): the claim is an insert-if-absent (409 = another run has it); a failed claim,
/// or one whose run died (older than the lease), is taken over with the row's ETag, so of racing runs exactly one sends.
/// Keys (<see cref="ReminderEntity"/>): partition = quarter, row = <c>{unit}|{kind}</c>; weekly lists in their own
/// partition, row = ISO week.
/// </summary>
public sealed class ReminderStore(TableServiceClient tables, StorageLayout layout, ILogger<ReminderStore> logger)
{
    private const char Separator = '|';

    private readonly TableClient _table = tables.GetTableClient(layout.RemindersTable);
    private volatile bool _created;

    /// <summary>The partition of a quarter's reminders to units.</summary>
    public static string PeriodPartition(ReportingPeriod period) => period.ToString();

    /// <summary>The row of one unit's reminder of one kind (<c>GT|before-14</c>, <c>GT|late</c>).</summary>
    public static string UnitRow(string unit, string kindKey) => $"{unit.ToUpperInvariant()}{Separator}{kindKey}";

    /// <summary>Claims <paramref name="claim"/>'s row for this run, unless it was sent (or cancelled) or another live run holds it.</summary>
    public async Task<ReminderClaim> TryClaimAsync(ReminderEntity claim, TimeSpan lease, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        claim.State = nameof(ReminderSendState.Claimed);
        claim.Claims = 1;
        try
        {
            var added = await _table.AddEntityAsync(claim, ct);
            claim.ETag = added.Headers.ETag ?? default;
            return new ReminderClaim(ReminderClaimOutcome.Claimed, claim);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        var existing = (await _table.GetEntityAsync<ReminderEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: ct)).Value;
        var outcome = existing.StateValue switch
        {
            ReminderSendState.Sent or ReminderSendState.Cancelled => ReminderClaimOutcome.Done,
            ReminderSendState.Claimed when existing.ClaimedBy != claim.ClaimedBy && existing.ClaimedAt + lease > claim.ClaimedAt =>
                ReminderClaimOutcome.HeldElsewhere,
            _ => ReminderClaimOutcome.Claimed,
        };
        if (outcome != ReminderClaimOutcome.Claimed) return new ReminderClaim(outcome, existing);

        // A failed send, or a claim whose run died: take it over, guarded by the ETag just read.
        claim.Claims = existing.Claims + 1;
        try
        {
            var replaced = await _table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, ct);
            claim.ETag = replaced.Headers.ETag ?? default;
            logger.LogWarning("Reminder {MessageKey} taken over from {PreviousState} claim by {PreviousRun} of {ClaimedAt}",
                claim.MessageKey, existing.State, existing.ClaimedBy, existing.ClaimedAt);
            return new ReminderClaim(ReminderClaimOutcome.Claimed, claim);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return new ReminderClaim(ReminderClaimOutcome.HeldElsewhere, existing);
        }
    }

    /// <summary>Records the provider's acceptance. Unconditional if the claim moved meanwhile: the mail did go out.</summary>
    public async Task MarkSentAsync(ReminderEntity claim, CancellationToken ct)
    {
        claim.State = nameof(ReminderSendState.Sent);
        claim.Error = null;
        try
        {
            await _table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            logger.LogWarning("Reminder {MessageKey} claim changed while it was being sent; recording it as sent anyway", claim.MessageKey);
            await _table.UpsertEntityAsync(claim, TableUpdateMode.Replace, ct);
        }
    }

    /// <summary>Records a failed send (retryable by the next run), unless another run has taken the claim over since.</summary>
    public Task MarkFailedAsync(ReminderEntity claim, string error, CancellationToken ct) =>
        MarkUnsentAsync(claim, ReminderSendState.Failed, error, ct);

    /// <summary>Records that the mail is not needed after all, unless another run has taken the claim over since.</summary>
    public Task MarkCancelledAsync(ReminderEntity claim, string reason, CancellationToken ct) =>
        MarkUnsentAsync(claim, ReminderSendState.Cancelled, reason, ct);

    private async Task MarkUnsentAsync(ReminderEntity claim, ReminderSendState state, string error, CancellationToken ct)
    {
        claim.State = state.ToString();
        claim.Error = error.Length <= 4000 ? error : error[..4000];
        try
        {
            await _table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            logger.LogWarning("Reminder {MessageKey} claim changed before it could be marked {State}; leaving the newer state", claim.MessageKey, state);
        }
    }

    public async Task<ReminderEntity?> GetAsync(string partition, string row, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var response = await _table.GetEntityIfExistsAsync<ReminderEntity>(partition, row, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every reminder and late notice of a quarter, all units (one partition).</summary>
    public Task<IReadOnlyList<ReminderEntity>> ForPeriodAsync(ReportingPeriod period, CancellationToken ct) =>
        QueryAsync($"PartitionKey eq '{PeriodPartition(period)}'", ct);

    /// <summary>One unit's reminders and late notice of a quarter (a row-key range inside the quarter's partition).</summary>
    public Task<IReadOnlyList<ReminderEntity>> ForUnitAsync(ReportingPeriod period, string unit, CancellationToken ct)
    {
        var code = unit.ToUpperInvariant();
        if (!code.All(char.IsAsciiLetterOrDigit)) return Task.FromResult<IReadOnlyList<ReminderEntity>>([]);
        return QueryAsync($"PartitionKey eq '{PeriodPartition(period)}' and RowKey ge '{code}{Separator}' and RowKey lt '{code}{(char)(Separator + 1)}'", ct);
    }

    /// <summary>The ST's weekly lists from ISO week <paramref name="fromWeek"/> to <paramref name="toWeek"/> inclusive (keys sort by week).</summary>
    public Task<IReadOnlyList<ReminderEntity>> WeeklyListsAsync(string fromWeek, string toWeek, CancellationToken ct) =>
        QueryAsync($"PartitionKey eq '{ReminderEntity.WeeklyPartition}' and RowKey ge '{fromWeek}' and RowKey le '{toWeek}'", ct);

    private async Task<IReadOnlyList<ReminderEntity>> QueryAsync(string filter, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var rows = new List<ReminderEntity>();
        await foreach (var row in _table.QueryAsync<ReminderEntity>(filter, cancellationToken: ct)) rows.Add(row);
        return rows;
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        // Infra creates the table in Azure; Azurite starts empty.
        await _table.CreateIfNotExistsAsync(ct);
        _created = true;
    }
}

public enum ReminderClaimOutcome
{
    /// <summary>This run holds the claim and must send, then mark it.</summary>
    Claimed,

    /// <summary>Sent by an earlier run, or cancelled: nothing left to do.</summary>
    Done,

    /// <summary>Another run claimed it less than a lease ago and may be sending right now.</summary>
    HeldElsewhere,
}

/// <summary>The result of <see cref="ReminderStore.TryClaimAsync"/>: the outcome and the row as this run now knows it.</summary>
public sealed record ReminderClaim(ReminderClaimOutcome Outcome, ReminderEntity Entity);
