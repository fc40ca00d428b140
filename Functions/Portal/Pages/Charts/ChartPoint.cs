using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Functions.Portal.Pages.Charts;

/// <summary>One quarter of a line chart: the figure, its lower bound, and whether few units stood behind it.</summary>
/// <param name="Label">The figure as the table beside the chart writes it ("57,1 %").</param>
public sealed record ChartPoint(ReportingPeriod Period, double? Value, double? LowerBound, bool LowCoverage, string Label);
