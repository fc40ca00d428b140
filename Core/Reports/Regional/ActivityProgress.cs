using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>One activity in one period: each unit's value and the regional value with its coverage.</summary>
/// <param name="Programado">The plan's target for the period's year (percent), null when the plan leaves it blank.</param>
/// <param name="Units">One entry per unit whose kind reports the activity, in unit order.</param>
/// <param name="RegionalEjecutado">Mean ejecutado of the units that reported a number (not "no aplica"); null when none did.</param>
/// <param name="Reporting">How many units' values enter the mean (the k of "k de n").</param>
/// <param name="Expected">
/// How many units are expected to report it (the n of "k de n"): the units whose kind reports it, less those that
/// marked it "no aplica".
/// </param>
/// <param name="NotApplicable">How many units marked it "no aplica" (they are in neither k nor n).</param>
/// <param name="PreviousRegionalEjecutado">
/// The regional value of the previous quarter of the same year over whoever reported then; not a like-for-like
/// comparison (see <see cref="Change"/>).
/// </param>
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
    /// <summary>
    /// The lower bound: the mean over every expected unit, counting each one that gave no number (no sheet, or the
    /// cell left blank) as no progress (ejecutado 0). Null when no unit is expected or nothing is programmed for the year.
    /// </summary>
    public double? LowerBound { get; init; }

    /// <summary>Like-for-like change since the previous quarter of the same year; null across years or when no unit reported in both.</summary>
    public ActivityChange? Change { get; init; }

    /// <summary>The like-for-like change in points (<see cref="Change"/>); null when there is none.</summary>
    public double? Delta => Change?.Points;

    /// <summary>Expected units that gave no number: no sheet, or the cell left blank.</summary>
    public int Missing => Expected - Reporting;

    public string Coverage => $"{Reporting} de {Expected}";

    /// <summary>The plan programs something for the period's year (programado &gt; 0).</summary>
    public bool IsProgrammed => Programado > 0;

    /// <summary>Counts towards axis and overall figures: programmed this year and applicable to at least one unit.</summary>
    public bool IsPlanned => IsProgrammed && Expected > 0;

    /// <summary>Every unit whose kind reports it marked it "no aplica": shown as "no aplica (n de n)", not as unreported.</summary>
    public bool IsNotApplicableToAll => Expected == 0 && NotApplicable > 0;

    /// <summary>Regional ejecutado ÷ programado (1 = the year's programado reached); null without both.</summary>
    public double? RelativeProgress => IsProgrammed && RegionalEjecutado is { } e ? e / Programado!.Value : null;
}
