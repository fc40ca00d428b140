using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Core.Storage;

/// <summary>A table row that claims the sending of one mail: who holds the claim, since when, how many runs took it.</summary>
public interface ISendClaimRow : ITableEntity
{
    /// <summary>The row's state; <see cref="SendClaimTable{T}.ClaimedState"/> while a run holds it.</summary>
    string State { get; set; }

    string ClaimedBy { get; set; }

    DateTimeOffset ClaimedAt { get; set; }

    int Claims { get; set; }
}

public enum SendClaimOutcome
{
    /// <summary>This run holds the claim: it sends, then marks the row.</summary>
    Claimed,

    /// <summary>The row says the mail went out (or is not needed): nothing to do.</summary>
    Done,

    /// <summary>Another run claimed it less than a lease ago and may be sending right now.</summary>
    HeldElsewhere,
}

/// <summary>
/// The claim that makes a mail go out once, shared by the digest's slots (<see cref="DigestStore"/>) and the
/// reminders (<see cref="ReminderStore"/>). A claim is an insert-if-absent (409: the row exists); an existing row is
/// left alone when it is done or claimed less than the lease ago, and otherwise (a failed send, a run that died) taken
/// over with the ETag just read, so of two runs racing for it exactly one wins (412: the other did).
/// </summary>
internal sealed class SendClaimTable<T>(TableClient table, ILogger logger, Func<T, string> messageKey) where T : class, ISendClaimRow, new()
{
    public const string ClaimedState = "Claimed";

    private volatile bool _created;

    /// <param name="isDone">Whether an existing row's state means there is nothing left to send.</param>
    public async Task<(SendClaimOutcome Outcome, T Row)> TryClaimAsync(T claim, TimeSpan lease, Func<T, bool> isDone, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        claim.State = ClaimedState;
        claim.Claims = 1;
        try
        {
            var added = await table.AddEntityAsync(claim, ct);
            claim.ETag = added.Headers.ETag ?? default;
            return (SendClaimOutcome.Claimed, claim);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        var existing = (await table.GetEntityAsync<T>(claim.PartitionKey, claim.RowKey, cancellationToken: ct)).Value;
        if (isDone(existing)) return (SendClaimOutcome.Done, existing);
        if (existing.State == ClaimedState && existing.ClaimedAt + lease > claim.ClaimedAt) return (SendClaimOutcome.HeldElsewhere, existing);

        claim.Claims = existing.Claims + 1;
        try
        {
            var replaced = await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, ct);
            claim.ETag = replaced.Headers.ETag ?? default;
            logger.LogWarning("Mail {MessageKey} taken over from {PreviousState} claim by {PreviousRun} of {ClaimedAt}",
                messageKey(claim), existing.State, existing.ClaimedBy, existing.ClaimedAt);
            return (SendClaimOutcome.Claimed, claim);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return (SendClaimOutcome.HeldElsewhere, existing);
        }
    }

    /// <summary>Writes a sent row. Unconditional if the claim moved meanwhile: the mail did go out.</summary>
    public async Task MarkSentAsync(T claim, CancellationToken ct)
    {
        try
        {
            await table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            logger.LogWarning("Mail {MessageKey} claim changed while it was being sent; recording it as sent anyway", messageKey(claim));
            await table.UpsertEntityAsync(claim, TableUpdateMode.Replace, ct);
        }
    }

    /// <summary>Writes an unsent outcome (failed, skipped…), unless another run has taken the claim over since: its outcome wins.</summary>
    public async Task MarkUnsentAsync(T claim, CancellationToken ct)
    {
        try
        {
            await table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            logger.LogWarning("Mail {MessageKey} claim changed before it could be marked {State}; leaving the newer state", messageKey(claim), claim.State);
        }
    }

    public async Task<T?> GetAsync(string partition, string row, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var response = await table.GetEntityIfExistsAsync<T>(partition, row, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    public async Task<IReadOnlyList<T>> QueryAsync(string filter, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, cancellationToken: ct)) rows.Add(row);
        return rows;
    }

    public async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        // Infra creates the tables in Azure; Azurite starts empty.
        await table.CreateIfNotExistsAsync(ct);
        _created = true;
    }
}
