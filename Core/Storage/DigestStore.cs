using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The <c>Digests</c> table: claims that make each digest go out once (<see cref="SendClaimTable{T}"/>: an
/// insert-if-absent; a stale or failed claim taken over with its ETag), and the record of what each sent digest said.
/// </summary>
public sealed class DigestStore(TableServiceClient tables, StorageLayout layout, ILogger<DigestStore> logger)
{
    private readonly SendClaimTable<DigestEntity> _table = new(tables.GetTableClient(layout.DigestsTable), logger, e => e.RowKey);

    /// <summary>Claims <paramref name="claim"/>'s row for this run, unless it was sent or another live run holds it.</summary>
    public async Task<DigestClaim> TryClaimAsync(DigestEntity claim, TimeSpan lease, CancellationToken ct)
    {
        // A superseded slot's content went out in a later digest: as good as sent.
        var (outcome, row) = await _table.TryClaimAsync(claim, lease,
            e => e.StateValue is DigestSendState.Sent or DigestSendState.Superseded, ct);
        return new DigestClaim(outcome switch
        {
            SendClaimOutcome.Claimed => DigestClaimOutcome.Claimed,
            SendClaimOutcome.Done => DigestClaimOutcome.AlreadySent,
            _ => DigestClaimOutcome.HeldByAnotherRun,
        }, row);
    }

    /// <summary>Records the provider's acceptance. Unconditional if the claim moved meanwhile: the mail did go out.</summary>
    public Task MarkSentAsync(DigestEntity claim, CancellationToken ct)
    {
        claim.State = nameof(DigestSendState.Sent);
        claim.Error = null;
        return _table.MarkSentAsync(claim, ct);
    }

    /// <summary>Records a failed send, unless another run has taken the claim over since (its outcome wins).</summary>
    public Task MarkFailedAsync(DigestEntity claim, string error, CancellationToken ct) =>
        MarkUnsentAsync(claim, DigestSendState.Failed, error, null, ct);

    /// <summary>Records that there was nothing to send, unless another run has taken the claim over since.</summary>
    public Task MarkSkippedAsync(DigestEntity claim, string reason, CancellationToken ct) =>
        MarkUnsentAsync(claim, DigestSendState.Skipped, reason, null, ct);

    /// <summary>Records that <paramref name="by"/> went out in place of this never-sent slot, unless another run took it over since.</summary>
    public Task MarkSupersededAsync(DigestEntity claim, string by, CancellationToken ct) =>
        MarkUnsentAsync(claim, DigestSendState.Superseded, null, by, ct);

    /// <summary>
    /// The latest scheduled digest row before <paramref name="slot"/> and no older than <paramref name="lookBack"/>,
    /// whatever its state. Row keys sort by slot (<c>digest-yyyyMMddHHmm</c>), so this is one range query.
    /// </summary>
    public async Task<DigestEntity?> LatestScheduledBeforeAsync(DateTimeOffset slot, TimeSpan lookBack, CancellationToken ct)
    {
        var from = KeyOf(slot - lookBack);
        var to = KeyOf(slot);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DigestEntity.ScheduledPartition} and RowKey ge {from} and RowKey lt {to}");
        return (await _table.QueryAsync(filter, ct)).MaxBy(e => e.RowKey, StringComparer.Ordinal);
    }

    /// <summary>The row key of a scheduled slot: <c>digest-{yyyyMMddHHmm}</c>, UTC.</summary>
    public static string KeyOf(DateTimeOffset slot) => $"digest-{slot.UtcDateTime:yyyyMMddHHmm}";

    private Task MarkUnsentAsync(DigestEntity claim, DigestSendState state, string? error, string? by, CancellationToken ct)
    {
        claim.State = state.ToString();
        claim.Error = error is null || error.Length <= 4000 ? error : error[..4000];
        claim.SupersededBy = by;
        return _table.MarkUnsentAsync(claim, ct);
    }

    public Task<DigestEntity?> GetAsync(string partition, string messageKey, CancellationToken ct) =>
        _table.GetAsync(partition, messageKey, ct);

    /// <summary>Every digest sent, scheduled or manual (a few a month: a scan is fine).</summary>
    public Task<IReadOnlyList<DigestEntity>> SentAsync(CancellationToken ct) =>
        _table.QueryAsync(TableClient.CreateQueryFilter($"State eq {nameof(DigestSendState.Sent)}"), ct);
}

public enum DigestClaimOutcome
{
    /// <summary>This run holds the claim and must send, then mark it.</summary>
    Claimed,
    AlreadySent,
    HeldByAnotherRun,
}

/// <summary>The result of <see cref="DigestStore.TryClaimAsync"/>: the outcome and the row as this run now knows it.</summary>
public sealed record DigestClaim(DigestClaimOutcome Outcome, DigestEntity Entity);
