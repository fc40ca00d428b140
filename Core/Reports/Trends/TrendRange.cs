using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>A plan and a run of its quarters: what a trend is asked for.</summary>
public sealed record TrendRange(PlanCatalog Plan, ReportingPeriod From, ReportingPeriod To)
{
    public ReportingPeriod PlanStart => new(Plan.FirstYear, 1);

    public ReportingPeriod PlanEnd => new(Plan.LastYear, 4);

    /// <summary>Every quarter of the plan, first to last.</summary>
    public IReadOnlyList<ReportingPeriod> PlanQuarters => Quarters(PlanStart, PlanEnd);

    public IReadOnlyList<ReportingPeriod> Periods => Quarters(From, To);

    /// <summary>
    /// The range a reader asked for, kept inside the plan and in order; missing ends default to the plan's first
    /// quarter and to <paramref name="latest"/> (the reporting calendar's quarter), or the plan's last when that is past it.
    /// </summary>
    public static TrendRange Of(PlanCatalog plan, ReportingPeriod latest, ReportingPeriod? from = null, ReportingPeriod? to = null)
    {
        var start = new ReportingPeriod(plan.FirstYear, 1);
        var end = new ReportingPeriod(plan.LastYear, 4);
        ReportingPeriod Clip(ReportingPeriod p) => p < start ? start : p > end ? end : p;
        var last = Clip(to ?? latest);
        var first = Clip(from ?? start);
        return first <= last ? new TrendRange(plan, first, last) : new TrendRange(plan, last, first);
    }

    private static List<ReportingPeriod> Quarters(ReportingPeriod from, ReportingPeriod to)
    {
        var list = new List<ReportingPeriod>();
        for (var p = from; p <= to; p = p.Next) list.Add(p);
        return list;
    }
}
