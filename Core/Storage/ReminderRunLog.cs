using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>The reminder timer's runs (<see cref="ReminderRunEntity"/>): one row each, newest first by row key.</summary>
public sealed class ReminderRunLog(TableServiceClient tables, StorageLayout layout)
{
    private readonly TableClient _table = tables.GetTableClient(layout.RemindersTable);

    public async Task RecordAsync(ReminderRunEntity run, CancellationToken ct)
    {
        await _table.CreateIfNotExistsAsync(ct);
        // Inverted ticks: the newest run sorts first, so "the last runs" is the head of the partition.
        run.RowKey = $"{DateTimeOffset.MaxValue.UtcTicks - run.RanAt.UtcTicks:D19}-{Guid.NewGuid():N}";
        await _table.AddEntityAsync(run, ct);
    }

    /// <summary>The <paramref name="count"/> most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<ReminderRunEntity>> LatestAsync(int count, CancellationToken ct)
    {
        await _table.CreateIfNotExistsAsync(ct);
        var runs = new List<ReminderRunEntity>();
        await foreach (var run in _table.QueryAsync<ReminderRunEntity>(e => e.PartitionKey == ReminderRunEntity.Partition, maxPerPage: count, cancellationToken: ct))
        {
            runs.Add(run);
            if (runs.Count == count) break;
        }
        return runs;
    }
}
