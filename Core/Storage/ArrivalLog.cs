using Azure.Data.Tables;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The arrival log (<see cref="ArrivalEntity"/>) in the <c>Submissions</c> table, beside the history it belongs to: every
/// arrival of every upload with its verdict, and the record as of an instant rebuilt from it and the history
/// (<see cref="SubmissionHistoryAsOf"/>).
/// </summary>
public sealed class ArrivalLog(TableServiceClient tables, StorageLayout layout, SubmissionStore submissions)
{
    private readonly TableClient _table = tables.GetTableClient(layout.SubmissionsTable);
    private volatile bool _created;

    /// <summary>Records one arrival and its verdict (idempotent: a redelivery of the same version rewrites the same row).</summary>
    public async Task RecordAsync(ArrivalEntity arrival, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await _table.UpsertEntityAsync(arrival, TableUpdateMode.Replace, ct);
    }

    /// <summary>Every arrival of one period across all units, accepted or rejected.</summary>
    public async Task<IReadOnlyList<ArrivalEntity>> ListAsync(ReportingPeriod period, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var arrivals = new List<ArrivalEntity>();
        await foreach (var a in _table.QueryAsync<ArrivalEntity>(TableKeys.PeriodArrivalsFilter(period), cancellationToken: ct)) arrivals.Add(a);
        return arrivals;
    }

    /// <summary>
    /// When each upload blob (<c>uploads/GT/2021-Q3/x.xlsx</c>) last had an arrival recorded, by the table's own clock
    /// (the entity's timestamp, the storage account's time like the blob's Last-Modified): every period, one query on
    /// the log's key range; read by the operations status to find uploads the trigger never finished.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastRecordedByBlobAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {ArrivalEntity.RowPrefix} and RowKey lt {ArrivalEntity.RowPrefix[..^1] + "}"}");
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var a in _table.QueryAsync<ArrivalEntity>(filter, cancellationToken: ct))
        {
            if (a.Timestamp is { } at && (!last.TryGetValue(a.UploadBlob, out var known) || at > known)) last[a.UploadBlob] = at;
        }
        return last;
    }

    /// <summary>
    /// One period's history and pointers as they were at <paramref name="instant"/>, rebuilt from the history and this
    /// log (<see cref="SubmissionHistoryAsOf"/>): two queries over the period's partitions, at once.
    /// </summary>
    public async Task<PeriodSubmissions> PeriodAsOfAsync(ReportingPeriod period, DateTimeOffset instant, CancellationToken ct)
    {
        var listing = submissions.ListPeriodAsync(period, ct);
        var arrivals = ListAsync(period, ct);
        await Task.WhenAll(listing, arrivals);
        return SubmissionHistoryAsOf.At(await listing, await arrivals, instant);
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        await _table.CreateIfNotExistsAsync(ct);
        _created = true;
    }
}
