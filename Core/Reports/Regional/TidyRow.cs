namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// One row of the workbook's data sheet: a unit's current value for one activity in one period, with every field an
/// analyst needs to pivot without lookups. Programado is the plan's value for the year (the row's own copy when the
/// activity is not in the plan).
/// </summary>
public sealed record TidyRow(
    string Period,
    int Year,
    int Quarter,
    string UnitCode,
    string UnitName,
    string AxisCode,
    string ActivityCode,
    string ActivityLabel,
    double? Programado,
    double? Ejecutado,
    string? Status,
    double? Quantity,
    string? Observaciones,
    string? Evidencia,
    string SubmissionId,
    DateTimeOffset? UploadedAt);
