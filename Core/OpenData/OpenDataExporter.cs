using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// The one call the CLI's <c>export</c>, the API, the portal's zip and the <c>exports</c> container share: read the
/// quarters of a scope as the record stood at an instant, then write each table in one format — rows streamed from the
/// stores to the output — and the <c>datapackage.json</c> that describes them.
/// </summary>
public sealed class OpenDataExporter(PeriodRecordReader reader, DatasetRows rows, TimeProvider time, ILogger<OpenDataExporter> logger)
{
    /// <summary>
    /// Writes the whole package to <paramref name="target"/>; null (nothing written) when no quarter of the scope has an
    /// accepted sheet as of the instant — as the workbook writes nothing then.
    /// </summary>
    /// <param name="asOf">The instant to rebuild the record at (as <c>workbook --as-of</c>); null: as stored now.</param>
    public async Task<PackageSummary?> WritePackageAsync(IPackageTarget target, DatasetScope scope, DatasetFormat format, DateTimeOffset? asOf,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var records = await reader.ReadAsync(scope, asOf, ct);
        return await WritePackageAsync(target, records, scope, format, asOf, ct);
    }

    /// <summary>
    /// Writes the package of quarters read already (<see cref="PeriodRecordReader"/>), so that a caller writing it more
    /// than once (both formats of the <c>exports</c> container) and keying it (<see cref="Exports.PackageKey"/>) writes exactly
    /// the record it keyed; null when no quarter has an accepted sheet.
    /// </summary>
    public async Task<PackageSummary?> WritePackageAsync(IPackageTarget target, IReadOnlyList<PeriodRecord> records, DatasetScope scope,
        DatasetFormat format, DateTimeOffset? asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(scope);
        if (format == DatasetFormat.Json) throw new ArgumentException("A package is CSV or Parquet; JSON is for single tables.", nameof(format));
        if (!records.Any(r => r.HasData)) return null;

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in OpenDataSchema.Tables)
        {
            await using var stream = await target.OpenAsync(FileName(table, format), ct);
            counts[table.Name] = await WriteAsync(stream, table, format, records, ct);
        }

        await using (var descriptor = await target.OpenAsync(DataPackageJson.FileName, ct))
            await DataPackageJson.WriteAsync(descriptor, format, scope, asOf, time.GetUtcNow(), t => FileName(t, format), ct);

        var periods = records.Select(r => r.Period.ToString()).ToList();
        logger.LogInformation("Wrote open-data package {Scope} as of {AsOf} in {Format}: {ProgressRows} progress rows over {Periods} quarters",
            scope.ToString(), asOf?.ToString("o") ?? "now", format, counts["progress"], periods.Count);
        return new PackageSummary(scope, asOf, format, periods, counts);
    }

    /// <summary>Writes one table of the scope (the API's answer); the row count, or null when no quarter of the scope has data.</summary>
    public async Task<long?> WriteTableAsync(Stream output, DatasetTable table, DatasetScope scope, DatasetFormat format, DateTimeOffset? asOf,
        CancellationToken ct)
    {
        var records = await reader.ReadAsync(scope, asOf, ct);
        if (!records.Any(r => r.HasData)) return null;
        return await WriteAsync(output, table, format, records, ct);
    }

    public static string FileName(DatasetTable table, DatasetFormat format)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"{table.Name}.{format.Extension()}";
    }

    private Task<long> WriteAsync(Stream output, DatasetTable table, DatasetFormat format, IReadOnlyList<PeriodRecord> records, CancellationToken ct)
    {
        var source = rows.For(table, records, ct);
        return format switch
        {
            DatasetFormat.Parquet => ParquetTableWriter.WriteAsync(output, table, source, ct),
            DatasetFormat.Json => JsonTableWriter.WriteAsync(output, table, source, ct),
            _ => CsvTableWriter.WriteAsync(output, table, source, ct),
        };
    }
}
