using CsvHelper;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// Writes one table as RFC 4180 CSV with CsvHelper: UTF-8 without a byte-order mark, CRLF line ends, a header of the
/// column names, fields quoted only when they need it, empty for missing; row by row, nothing kept. Numbers are written
/// as numbers (invariant, a decimal point, round-trip precision). Text that a spreadsheet would run as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR — units' observations are untrusted) gets CsvHelper's
/// injection escape, a leading apostrophe; Parquet and JSON keep such text exactly (docs/data.md).
/// </summary>
public static class CsvTableWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    /// <returns>The number of data rows written.</returns>
    public static async Task<long> WriteAsync(Stream output, DatasetTable table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var field in table.Fields) csv.WriteField(field.Name);
        await csv.EndRecordAsync(ct);
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var value in row) Write(csv, value);
            await csv.EndRecordAsync(ct);
            count++;
        }

        await csv.FlushAsync(ct);
        return count;
    }

    private static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null: csv.WriteField(""); break;
            case double d: csv.WriteField(d, "R"); break;
            case long l: csv.WriteField(l, ""); break;
            case bool b: csv.WriteField(b); break;
            default: csv.WriteField(DatasetValues.Text(value)); break;
        }
    }
}
