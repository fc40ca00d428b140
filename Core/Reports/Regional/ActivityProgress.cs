using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>One activity in one period: each expected unit's value and the regional value with its coverage.</summary>
/// <param name="Programado">The plan's target for the period's year (percent), null when the plan leaves it blank.</param>
/// <param name="Units">One entry per unit expected to report the activity, in unit order.</param>
/// <param name="RegionalEjecutado">Mean ejecutado of the units that reported a number (not "no aplica"); null when none did.</param>
/// <param name="Reporting">How many units' values enter the mean (the k of "k de n").</param>
/// <param name="Expected">How many units are expected to report it (the n of "k de n").</param>
/// <param name="NotApplicable">How many units marked it "no aplica".</param>
/// <param name="PreviousRegionalEjecutado">The regional value of the previous period of the same year, if any.</param>
/// <param name="AxisCode">The axis the activity belongs to in the catalog tree.</param>
public sealed record ActivityProgress(
    PlanActivity Activity,
    string AxisCode,
    double? Programado,
    IReadOnlyList<UnitActivityValue> Units,
    double? RegionalEjecutado,
    int Reporting,
    int Expected,
    int NotApplicable,
    double? PreviousRegionalEjecutado)
{
    /// <summary>Change of the regional value since the previous period of the same year; null across years or without data.</summary>
    public double? Delta => RegionalEjecutado - PreviousRegionalEjecutado;

    public string Coverage => $"{Reporting} de {Expected}";

    /// <summary>Counts towards axis and overall figures: programmed this year and reported by someone.</summary>
    public bool IsPlanned => Programado > 0;
}
