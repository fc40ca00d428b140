using System.Security.Cryptography;
using System.Text;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.OpenData.Exports;

/// <summary>
/// The identity of a package's content: two reads of the record with the same key write the same files. It digests
/// what decides every row — the schema version and the code that writes it, each quarter's current submissions
/// (<see cref="PointerKey"/>: a submission id names its content) under its plan and the units' membership
/// (<see cref="PointerKey.Context"/>), each expected unit's standing (timeliness, after a reopening: what a lock change
/// moves), and the rows of the small tables (every upload with its outcome, the catalog, the coverage) — without
/// reading a progress row, so the <c>exports</c> timer can ask "has anything changed?" cheaply.
/// </summary>
public static class PackageKey
{
    /// <summary>The writers' build: a new build may write different bytes from the same record.</summary>
    private static readonly string CodeVersion = typeof(PackageKey).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static async Task<string> OfAsync(IReadOnlyList<PeriodRecord> records, DatasetRows rows, PlanRegistry plans, ReportingUnits units,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(OpenDataSchema.Version).Append('|').Append(CodeVersion);
        foreach (var record in records)
        {
            text.Append('\n').Append(record.Period).Append('@').Append(PointerKey.Context(plans, units, record.Period));
            foreach (var unit in record.Units.OrderBy(u => u.Unit.Code, StringComparer.Ordinal))
                text.Append(';').Append(unit.Unit.Code).Append(':').Append(unit.Timeliness).Append(':').Append(unit.HasReported && unit.ReceivedAfterLock);
        }

        text.Append('\n').Append(PointerKey.Of(records.Select(r => (r.Period, r.Submissions.Pointers))));
        foreach (var table in OpenDataSchema.Tables.Where(t => t.Name != OpenDataSchema.Progress.Name))
        {
            text.Append('\n').Append(table.Name);
            await foreach (var row in rows.For(table, records, ct))
            {
                text.Append('\n');
                foreach (var value in row) text.Append(DatasetValues.Text(value)).Append('\u001f');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
