using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>
/// One year of the filled plan matrix: its ejecutado is the regional figure of <see cref="Basis"/>, the last quarter of
/// the year with an accepted sheet (ejecutado is year to date, so the last report of the year is the year's).
/// </summary>
/// <param name="Basis">That quarter as the trends page and the progress page compute it; null when nothing was reported in the year.</param>
/// <param name="IsComplete">
/// The year's fourth quarter is in the figures and its deadline has passed (on the coalition's clock): the year's
/// ejecutado will not move unless a quarter is reopened. False: the figure is the year so far.
/// </param>
public sealed record PlanMatrixYear(int Year, TrendQuarter? Basis, bool IsComplete);
