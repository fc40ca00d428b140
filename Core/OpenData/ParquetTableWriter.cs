using Parquet;
using Parquet.Schema;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Writes one table as Parquet with Parquet.Net: typed columns (strings, 64-bit integers, doubles, booleans, UTC
/// timestamps in milliseconds), required columns non-nullable, the column labels in the file's metadata. Rows are
/// buffered one row group at a time (<see cref="RowGroupRows"/>), so memory is bounded by the group, not the table.
/// Parquet.Net needs a seekable stream: other outputs (an HTTP body, a zip entry) get the file through a temporary
/// file.
/// </summary>
public static class ParquetTableWriter
{
    /// <summary>Rows per row group: large enough for good compression, small enough to stay a few MB in memory.</summary>
    public const int RowGroupRows = 64 * 1024;

    /// <returns>The number of data rows written.</returns>
    public static async Task<long> WriteAsync(Stream output, DatasetTable table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        if (output.CanSeek) return await WriteSeekableAsync(output, table, rows, ct);

        var temp = Path.Combine(Path.GetTempPath(), $"serverlessplan-{Guid.NewGuid():N}.parquet");
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var count = await WriteSeekableAsync(file, table, rows, ct);
        file.Position = 0;
        await file.CopyToAsync(output, ct);
        return count;
    }

    public static ParquetSchema Schema(DatasetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ParquetSchema(table.Fields.Select(Field));
    }

    private static DataField Field(DatasetField f) => f.Type switch
    {
        DatasetFieldType.Integer => f.Required ? new DataField<long>(f.Name) : new DataField<long?>(f.Name),
        DatasetFieldType.Number => f.Required ? new DataField<double>(f.Name) : new DataField<double?>(f.Name),
        DatasetFieldType.Boolean => f.Required ? new DataField<bool>(f.Name) : new DataField<bool?>(f.Name),
        DatasetFieldType.DateTime => new DateTimeDataField(f.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis,
            isNullable: !f.Required),
        _ => new DataField<string>(f.Name, !f.Required),
    };

    private static async Task<long> WriteSeekableAsync(Stream output, DatasetTable table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var schema = Schema(table);
        var fields = schema.GetDataFields();
        var columns = table.Fields.Select(f => ParquetColumn.For(f, RowGroupRows)).ToArray();
        long count = 0;
        await using var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: ct);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["serverlessplan.table"] = table.Name,
            ["serverlessplan.schemaVersion"] = OpenDataSchema.Version,
        };

        var buffered = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Length; i++) columns[i].Add(buffered, row[i]);
            buffered++;
            count++;
            if (buffered == RowGroupRows)
            {
                await FlushAsync(writer, fields, columns, buffered, ct);
                buffered = 0;
            }
        }

        // An empty table still gets one (empty) row group, so readers see its columns.
        if (buffered > 0 || count == 0) await FlushAsync(writer, fields, columns, buffered, ct);
        return count;
    }

    private static async Task FlushAsync(ParquetWriter writer, DataField[] fields, ParquetColumn[] columns, int rows, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < columns.Length; i++) await columns[i].WriteAsync(group, fields[i], rows, ct);
    }
}
