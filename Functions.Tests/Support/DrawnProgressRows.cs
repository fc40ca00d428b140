using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Support;

/// <summary>A stored progress row as a drawn story writes it: the activity's programado for the period's year, the value and status given.</summary>
public static class DrawnProgressRows
{
    public static ProgressRow Row(ReportingUnit unit, ReportingPeriod period, PlanActivity activity, double? ejecutado, string? status) => new()
    {
        Unit = unit.Code,
        Period = period.ToString(),
        Year = period.Year,
        Activity = activity.Code,
        Programado = (double?)activity.ForYear(period.Year)?.Programado,
        Ejecutado = ejecutado,
        Status = status,
    };
}
