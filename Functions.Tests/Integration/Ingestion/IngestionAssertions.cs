using System.Security.Cryptography;
using System.Text.Json;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>What readers of the tables and containers see after an ingestion.</summary>
internal static class IngestionAssertions
{
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A progress row as the values it holds, comparable with what the sheet typed.</summary>
    public static ReportedActivity AsReported(ProgressRow row) => new(
        row.Activity,
        (decimal?)row.Programado,
        (decimal?)row.Ejecutado,
        row.Status is null ? null : Enum.Parse<ActivityStatus>(row.Status),
        (decimal?)row.Quantity,
        row.Observaciones,
        row.Evidencia);

    /// <summary>The unit's current rows, read as reports read them (through the pointer), in plan order.</summary>
    public static async Task<List<ReportedActivity>> CurrentAsync(IngestionHost host, string unit, string period)
    {
        var rows = await host.Progress.ReadCurrentAsync(host.Submissions, unit, ReportingPeriod.Parse(period), CancellationToken.None);
        var order = RealPlan.Catalog.Activities.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return rows.OrderBy(r => order[r.Activity]).Select(AsReported).ToList();
    }

    public static async Task<JsonDocument> ReportJsonAsync(IngestionHost host, string unit, string period, string file)
    {
        var name = $"{unit}/{period}/{Path.GetFileNameWithoutExtension(file)}.validation.json";
        var content = (await host.Container(l => l.Reports).GetBlobClient(name).DownloadContentAsync()).Value;
        Assert.StartsWith("application/json", content.Details.ContentType, StringComparison.Ordinal);
        return JsonDocument.Parse(content.Content.ToString());
    }

    public static async Task<List<SubmissionEntity>> HistoryAsync(IngestionHost host, string period) =>
        [.. (await host.Submissions.ListPeriodAsync(ReportingPeriod.Parse(period), CancellationToken.None)).History];
}
