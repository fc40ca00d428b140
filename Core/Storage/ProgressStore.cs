using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>The <c>Progress</c> table: versioned rows per submission, read through the current pointers.</summary>
public sealed class ProgressStore(TableServiceClient tables, StorageLayout layout, ILogger<ProgressStore> logger)
{
    // Table Storage's limit for one entity-group transaction.
    private const int TransactionLimit = 100;

    private readonly TableClient _table = tables.GetTableClient(layout.ProgressTable);
    private volatile bool _created;

    /// <summary>
    /// Writes a submission's rows. Each chunk of 100 is one transaction; the whole set stays invisible until the
    /// submission's pointer flips, and re-running after a failure rewrites the same keys (idempotent).
    /// </summary>
    public async Task WriteAsync(string partition, string submissionId, IReadOnlyList<ProgressEntity> rows, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        foreach (var row in rows)
        {
            row.PartitionKey = partition;
            row.SubmissionId = submissionId;
            row.RowKey = TableKeys.ProgressRow(submissionId, row.Activity);
        }

        // The chunks are independent (all invisible until the pointer flips), so they go out together.
        await Task.WhenAll(rows.Chunk(TransactionLimit).Select(chunk =>
            _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct)));

        logger.LogInformation("Wrote {Rows} progress rows for {Partition} submission {SubmissionId}", rows.Count, partition, submissionId);
    }

    public async Task<IReadOnlyList<ProgressEntity>> ReadAsync(string partition, string submissionId, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var result = new List<ProgressEntity>();
        await foreach (var e in _table.QueryAsync<ProgressEntity>(TableKeys.SubmissionRowsFilter(partition, submissionId), cancellationToken: ct))
            result.Add(e);
        return result;
    }

    /// <summary>The unit's current values for a period, or an empty list when it has no accepted submission.</summary>
    public async Task<IReadOnlyList<ProgressEntity>> ReadCurrentAsync(SubmissionStore submissions, string unit, ReportingPeriod period, CancellationToken ct)
    {
        var partition = TableKeys.Partition(period, unit);
        var pointer = await submissions.GetPointerAsync(partition, ct);
        return pointer is null ? [] : await ReadAsync(partition, pointer.SubmissionId, ct);
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        await _table.CreateIfNotExistsAsync(ct);
        _created = true;
    }
}
