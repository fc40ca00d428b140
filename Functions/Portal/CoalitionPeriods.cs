using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Reports.MergedWorkbook;

namespace ServerlessPlan.Functions.Portal;

/// <summary>The quarters the coalition's period picker offers (every plan in force's, up to now), and the one it opens on.</summary>
public sealed class CoalitionPeriods(UnitQuarters quarters, MergedWorkbookService workbooks, PlanRegistry plans)
{
    public IReadOnlyList<ReportingPeriod> All() => quarters.Periods();

    /// <summary>The reporting calendar's quarter (as the digest's), or the last quarter of the plans in force once they are over.</summary>
    public ReportingPeriod Default()
    {
        var period = workbooks.DefaultPeriod();
        if (workbooks.InPlan(period)) return period;
        var all = All();
        return all.Count > 0 ? all[^1] : new ReportingPeriod(plans.Default.FirstYear, 1);
    }
}
