using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// A quarter no plan in force covers was asked for where a plan is needed (<see cref="PlanRegistry.For"/>). Callers
/// that take periods from people check <see cref="PlanRegistry.Find"/> first and answer in words; this is for the
/// paths where an uncovered period is a bug upstream.
/// </summary>
public sealed class PeriodOutsidePlanException(ReportingPeriod period, LocalizedText text) : InvalidOperationException(text.En)
{
    public ReportingPeriod Period { get; } = period;

    /// <summary>The reason in both languages.</summary>
    public LocalizedText Text { get; } = text;
}
