using System.Text.Json.Serialization;

namespace ServerlessPlan.Core.Storage;

/// <summary>One row as stored in a page segment: only what varies by activity.</summary>
internal sealed record StoredRow(
    string Activity,
    double? Programado,
    double? Ejecutado,
    string? Status,
    double? Quantity,
    string? Observaciones,
    string? Evidencia)
{
    public static StoredRow From(ProgressRow r) =>
        new(r.Activity, r.Programado, r.Ejecutado, r.Status, r.Quantity, r.Observaciones, r.Evidencia);

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

[JsonSerializable(typeof(StoredRow))]
[JsonSerializable(typeof(List<StoredRow>))]
internal sealed partial class ProgressPagesJsonContext : JsonSerializerContext;
