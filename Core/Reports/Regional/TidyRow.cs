namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// One row of the workbook's data sheet: what one expected unit's current sheet says about one activity in one period,
/// with every field an analyst needs to pivot without lookups. Programado is the plan's value for the year.
/// </summary>
/// <param name="AxisCode">The axis number as text ("1"…"4"); the data sheet stores it as a number.</param>
/// <param name="Status">The <c>ActivityStatus</c> name (<c>NotStarted</c>, …, <c>NotApplicable</c>); null when none was given.</param>
/// <param name="SubmissionId">The unit's current submission; empty when the unit has no accepted sheet for the period.</param>
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
