using System.Text.Json.Serialization;

namespace ServerlessPlan.Core.Storage;

/// <summary>One row as stored in a page segment: only what varies by activity (settable, for fast source-generated reads).</summary>
internal sealed class StoredRow
{
    public string Activity { get; set; } = "";
    public double? Programado { get; set; }
    public double? Ejecutado { get; set; }
    public string? Status { get; set; }
    public double? Quantity { get; set; }
    public string? Observaciones { get; set; }
    public string? Evidencia { get; set; }

    public static StoredRow From(ProgressRow r) => new()
    {
        Activity = r.Activity,
        Programado = r.Programado,
        Ejecutado = r.Ejecutado,
        Status = r.Status,
        Quantity = r.Quantity,
        Observaciones = r.Observaciones,
        Evidencia = r.Evidencia,
    };

    public ProgressRow ToRow(string submissionId, string unit, string period, int year) => new()
    {
        SubmissionId = submissionId,
        Unit = unit,
        Period = period,
        Year = year,
        Activity = Activity,
        Programado = Programado,
        Ejecutado = Ejecutado,
        Status = Status,
        Quantity = Quantity,
        Observaciones = Observaciones,
        Evidencia = Evidencia,
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredRow))]
[JsonSerializable(typeof(List<StoredRow>))]
internal sealed partial class ProgressPagesJsonContext : JsonSerializerContext;
