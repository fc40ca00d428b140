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
    /// Writes a submission's rows: a plan-sized sheet is one page, written with one upsert. The rows stay invisible
    /// until the submission's pointer flips, and re-running after a failure rewrites the same keys with the same content
    /// (idempotent).
    /// </summary>
    public async Task WriteAsync(string partition, string submissionId, IReadOnlyList<ProgressRow> rows, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var pages = ProgressPages.Pack(partition, submissionId, rows);

        if (pages.Count == 1)
        {
            await _table.UpsertEntityAsync(pages[0], TableUpdateMode.Replace, ct); // one entity: atomic without a batch's overhead
        }
        else
        {
            // More than one transaction only for sheets far beyond any plan; they are independent, so they go out together.
            await Task.WhenAll(pages.Chunk(ProgressPages.PagesPerTransaction).Select(chunk =>
                _table.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)), ct)));
        }

        logger.LogInformation("Wrote {Rows} progress rows in {Pages} pages for {Partition} submission {SubmissionId}",
            rows.Count, pages.Count, partition, submissionId);
    }

    /// <summary>
    /// A submission's rows. Point reads, not a query: the first page says how many there are (almost always one), and
    /// any others are read together.
    /// </summary>
    public async Task<IReadOnlyList<ProgressRow>> ReadAsync(string partition, string submissionId, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var first = await _table.GetEntityIfExistsAsync<TableEntity>(partition, ProgressPages.RowKey(submissionId, 0), cancellationToken: ct);
        if (!first.HasValue || first.Value is null) return [];

        var pages = new List<TableEntity> { first.Value };
        var count = first.Value.GetInt32("PageCount") ?? 1;
        var rest = await Task.WhenAll(Enumerable.Range(1, Math.Max(0, count - 1)).Select(page =>
            _table.GetEntityIfExistsAsync<TableEntity>(partition, ProgressPages.RowKey(submissionId, page), cancellationToken: ct)));
        pages.AddRange(rest.Where(r => r.HasValue && r.Value is not null).Select(r => r.Value!));
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
