using CsvHelper;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Writes one table as RFC 4180 CSV with CsvHelper's defaults: UTF-8 without a byte-order mark, CRLF line ends, a
/// header of the column names, fields quoted only when they need it, empty for missing; row by row, nothing kept.
/// Text is written exactly as recorded (no formula guard): the file is data for programs, and docs/data.md says to
/// import it in a spreadsheet rather than open it, which reads "=…" as text.
/// </summary>
public static class CsvTableWriter
{
    /// <returns>The number of data rows written.</returns>
    public static async Task<long> WriteAsync(Stream output, DatasetTable table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var field in table.Fields) csv.WriteField(field.Name);
        await csv.EndRecordAsync(ct);
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var value in row) csv.WriteField(DatasetValues.Text(value));
            await csv.EndRecordAsync(ct);
            count++;
        }

        await csv.FlushAsync(ct);
        return count;
    }
}
