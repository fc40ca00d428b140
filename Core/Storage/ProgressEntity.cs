using Azure;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// One activity's reported progress in one submission (table <c>Progress</c>, partition <c>{period}|{unit}</c>,
/// row key <c>{submissionId}|{activity}</c>). Percentages are 0–100; null means not reported.
/// </summary>
public sealed class ProgressEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SubmissionId { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Period { get; set; } = "";
    public int Year { get; set; }
    public string Activity { get; set; } = "";
    public double? Programado { get; set; }
    public double? Ejecutado { get; set; }
    public string? Status { get; set; }
    public double? Quantity { get; set; }
    public string? Observaciones { get; set; }
    public string? Evidencia { get; set; }
}
