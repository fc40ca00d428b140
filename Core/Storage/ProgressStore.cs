using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The <c>Progress</c> table: each submission's rows, versioned by submission id and packed into pages
/// (<see cref="ProgressPages"/>); readers reach them through the current pointers.
/// </summary>
public sealed class ProgressStore(TableServiceClient tables, StorageLayout layout, ILogger<ProgressStore> logger)
{
    private readonly TableClient _table = tables.GetTableClient(layout.ProgressTable);
    private volatile bool _created;

    /// <summary>
    /// Writes a submission's rows: one entity-group transaction for any realistic sheet (two pages hold thousands of
    /// rows). The rows stay invisible until the submission's pointer flips, and re-running after a failure rewrites the
    /// same keys with the same content (idempotent).
    /// </summary>
    public async Task WriteAsync(string partition, string submissionId, IReadOnlyList<ProgressRow> rows, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        foreach (var row in rows) row.SubmissionId = submissionId;
        var pages = ProgressPages.Pack(partition, submissionId, rows);

        // More than one transaction only for sheets far beyond any plan; they are independent, so they go out together.
        await Task.WhenAll(pages.Chunk(ProgressPages.PagesPerTransaction).Select(chunk =>
            _table.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)), ct)));

        logger.LogInformation("Wrote {Rows} progress rows in {Pages} pages for {Partition} submission {SubmissionId}",
            rows.Count, pages.Count, partition, submissionId);
    }

    public async Task<IReadOnlyList<ProgressRow>> ReadAsync(string partition, string submissionId, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var pages = new List<TableEntity>();
        await foreach (var page in _table.QueryAsync<TableEntity>(TableKeys.SubmissionRowsFilter(partition, submissionId), cancellationToken: ct))
            pages.Add(page);
        return ProgressPages.Unpack(pages);
    }

    /// <summary>The unit's current values for a period, or an empty list when it has no accepted submission.</summary>
    public async Task<IReadOnlyList<ProgressRow>> ReadCurrentAsync(SubmissionStore submissions, string unit, ReportingPeriod period, CancellationToken ct)
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
