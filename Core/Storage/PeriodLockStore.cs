using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>One unit's quarter as the <c>PeriodLocks</c> table holds it: its lock history and the row's ETag.</summary>
public sealed record PeriodLockRow(string Unit, ReportingPeriod Period, IReadOnlyList<LockEntry> Entries, ETag ETag);

/// <summary>
/// The <c>PeriodLocks</c> table: partition = quarter (<c>2021-Q3</c>), row = unit (<c>GT</c>), one row per unit whose
/// quarter the ST reopened (a unit never reopened has no row). Each entry is its own property (<c>E001</c>, <c>E002</c>,
/// …, JSON) beside the count <c>Entries</c>: an append is a merge that adds one property, guarded by the ETag read, so
/// no entry is ever rewritten and of two racing appends one wins and the other decides again on what it wrote. A
/// quarter's board is one partition; a unit's state one point read.
/// </summary>
public sealed class PeriodLockStore(TableServiceClient tables, StorageLayout layout)
{
    private const string CountProperty = "Entries";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly TableClient _table = tables.GetTableClient(layout.PeriodLocksTable);
    private volatile bool _created;

    /// <summary>The property holding entry <paramref name="number"/>: <c>E001</c>.</summary>
    public static string EntryProperty(int number) => $"E{number:000}";

    public async Task<PeriodLockRow?> GetAsync(ReportingPeriod period, string unit, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(period.ToString(), unit.ToUpperInvariant(), cancellationToken: ct);
        return response.HasValue && response.Value is { } entity ? Read(period, entity) : null;
    }

    /// <summary>Every unit's row of a quarter (one partition).</summary>
    public async Task<IReadOnlyList<PeriodLockRow>> ListAsync(ReportingPeriod period, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var rows = new List<PeriodLockRow>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), cancellationToken: ct))
            rows.Add(Read(period, entity));
        return rows;
    }

    /// <summary>
    /// Appends <paramref name="entry"/> (numbered one past <paramref name="read"/>'s last) to the row as it was read:
    /// inserted when there was no row, otherwise merged under the row's ETag. False when the row changed since it was
    /// read (another append won): read again and decide again.
    /// </summary>
    public async Task<bool> TryAppendAsync(ReportingPeriod period, string unit, PeriodLockRow? read, LockEntry entry, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var expected = (read?.Entries.Count ?? 0) + 1;
        if (entry.Number != expected) throw new ArgumentException($"Entry {entry.Number} appended after {expected - 1} entries.", nameof(entry));

        var code = unit.ToUpperInvariant();
        var write = new TableEntity(period.ToString(), code)
        {
            [CountProperty] = entry.Number,
            [EntryProperty(entry.Number)] = JsonSerializer.Serialize(entry, Json),
        };
        try
        {
            if (read is null)
            {
                write["Unit"] = code;
                write["Period"] = period.ToString();
                await _table.AddEntityAsync(write, ct);
            }
            else
            {
                await _table.UpdateEntityAsync(write, read.ETag, TableUpdateMode.Merge, ct);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private static PeriodLockRow Read(ReportingPeriod period, TableEntity entity)
    {
        var count = entity.GetInt32(CountProperty) ?? 0;
        var entries = new List<LockEntry>(count);
        for (var number = 1; number <= count; number++)
        {
            if (entity.GetString(EntryProperty(number)) is { } json && JsonSerializer.Deserialize<LockEntry>(json, Json) is { } entry)
                entries.Add(entry);
        }

        return new PeriodLockRow(entity.RowKey, period, entries, entity.ETag);
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        await _table.CreateIfNotExistsAsync(ct);
        _created = true;
    }
}
