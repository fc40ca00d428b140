namespace ServerlessPlan.Core.Storage;

/// <summary>
/// One activity's reported progress in one submission. Percentages are 0–100; null means not reported. Stored packed
/// into the submission's pages in the <c>Progress</c> table (<see cref="ProgressPages"/>), never as an entity of its own.
/// </summary>
public sealed class ProgressRow
{
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
