namespace ServerlessPlan.Core.Plan;

/// <summary>
/// One year's figures for an activity exactly as printed in the plan, in percent (0–100).
/// Null means the cell was blank: nothing programmed / nothing reported, which is not 0.
/// </summary>
public sealed record YearTarget(int Year, decimal? Programado, decimal? Ejecutado);
