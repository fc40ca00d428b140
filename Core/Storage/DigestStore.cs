using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The <c>Digests</c> table: claims that make each digest go out once, and the record of what each sent digest said.
/// A claim is an insert-if-absent (Add; 409 = another run has it); a stale or failed claim is taken over with its
/// ETag, so of two runs racing for it exactly one wins.
/// </summary>
public sealed class DigestStore(TableServiceClient tables, StorageLayout layout, ILogger<DigestStore> logger)
{
    private readonly TableClient _table = tables.GetTableClient(layout.DigestsTable);
    private volatile bool _created;

    /// <summary>Claims <paramref name="claim"/>'s row for this run, unless it was sent or another live run holds it.</summary>
    public async Task<DigestClaim> TryClaimAsync(DigestEntity claim, TimeSpan lease, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        claim.State = nameof(DigestSendState.Claimed);
        claim.Claims = 1;
        try
        {
            var added = await _table.AddEntityAsync(claim, ct);
            claim.ETag = added.Headers.ETag ?? default;
            return new DigestClaim(DigestClaimOutcome.Claimed, claim);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        var existing = (await _table.GetEntityAsync<DigestEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: ct)).Value;
        var outcome = existing.StateValue switch
        {
            // A superseded slot's content went out in a later digest: as good as sent.
            DigestSendState.Sent or DigestSendState.Superseded => DigestClaimOutcome.AlreadySent,
            DigestSendState.Claimed when existing.ClaimedAt + lease > claim.ClaimedAt => DigestClaimOutcome.HeldByAnotherRun,
            _ => DigestClaimOutcome.Claimed,
        };
        if (outcome != DigestClaimOutcome.Claimed) return new DigestClaim(outcome, existing);

        // A failed or skipped send, or a claim whose run died without finishing: take it over, guarded by the ETag we read.
        claim.Claims = existing.Claims + 1;
        try
        {
            var replaced = await _table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, ct);
            claim.ETag = replaced.Headers.ETag ?? default;
            logger.LogWarning("Digest {MessageKey} taken over from {PreviousState} claim by {PreviousRun} of {ClaimedAt}",
                claim.RowKey, existing.State, existing.ClaimedBy, existing.ClaimedAt);
            return new DigestClaim(DigestClaimOutcome.Claimed, claim);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return new DigestClaim(DigestClaimOutcome.HeldByAnotherRun, existing);
        }
    }

    /// <summary>Records the provider's acceptance. Unconditional if the claim moved meanwhile: the mail did go out.</summary>
    public async Task MarkSentAsync(DigestEntity claim, CancellationToken ct)
    {
        claim.State = nameof(DigestSendState.Sent);
        claim.Error = null;
        try
        {
            await _table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            logger.LogWarning("Digest {MessageKey} claim changed while it was being sent; recording it as sent anyway", claim.RowKey);
            await _table.UpsertEntityAsync(claim, TableUpdateMode.Replace, ct);
        }
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
        await EnsureTableAsync(ct);
        var from = KeyOf(slot - lookBack);
        var to = KeyOf(slot);
        DigestEntity? latest = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DigestEntity.ScheduledPartition} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var entity in _table.QueryAsync<DigestEntity>(filter, cancellationToken: ct))
            if (latest is null || string.CompareOrdinal(entity.RowKey, latest.RowKey) > 0) latest = entity;
        return latest;
    }

    /// <summary>The row key of a scheduled slot: <c>digest-{yyyyMMddHHmm}</c>, UTC.</summary>
    public static string KeyOf(DateTimeOffset slot) => $"digest-{slot.UtcDateTime:yyyyMMddHHmm}";

    private async Task MarkUnsentAsync(DigestEntity claim, DigestSendState state, string? error, string? by, CancellationToken ct)
    {
        claim.State = state.ToString();
        claim.Error = error is null || error.Length <= 4000 ? error : error[..4000];
        claim.SupersededBy = by;
        try
        {
            await _table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            logger.LogWarning("Digest {MessageKey} claim changed before it could be marked {State}; leaving the newer state", claim.RowKey, state);
        }
    }

    public async Task<DigestEntity?> GetAsync(string partition, string messageKey, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var response = await _table.GetEntityIfExistsAsync<DigestEntity>(partition, messageKey, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every digest sent, scheduled or manual (a few a month: a scan is fine).</summary>
    public async Task<IReadOnlyList<DigestEntity>> SentAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var sent = new List<DigestEntity>();
        await foreach (var entity in _table.QueryAsync<DigestEntity>(e => e.State == nameof(DigestSendState.Sent), cancellationToken: ct))
            sent.Add(entity);
        return sent;
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        // Infra creates the table in Azure; Azurite starts empty.
        await _table.CreateIfNotExistsAsync(ct);
        _created = true;
    }
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
