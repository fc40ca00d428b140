using System.Text.Json;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Writes one table as a JSON array of objects keyed by column name, numbers as JSON numbers, booleans as booleans,
/// instants as ISO 8601 UTC strings, missing values as null; streamed with <see cref="Utf8JsonWriter"/>.
/// </summary>
public static class JsonTableWriter
{
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(Stream output, DatasetTable table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartArray();
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(table.Fields[i].Name);
                Value(json, row[i]);
            }

            json.WriteEndObject();
            if (++count % 1024 == 0) await json.FlushAsync(ct);
        }

        json.WriteEndArray();
        await json.FlushAsync(ct);
        return count;
    }

    private static void Value(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case double d: json.WriteNumberValue(d); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case bool b: json.WriteBooleanValue(b); break;
            default: json.WriteStringValue(DatasetValues.Text(value)); break;
        }
    }
}
