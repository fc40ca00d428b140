namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>What one unit's current submission says about one activity (ejecutado 0–100 to date; null = not reported).</summary>
/// <param name="Submitted">False when the unit has no current submission or its sheet has no row for the activity.</param>
public sealed record UnitActivityValue(
    string UnitCode,
    bool Submitted,
    double? Ejecutado,
    string? Status,
    double? Quantity,
    string? Observaciones,
    string? Evidencia)
{
    /// <summary>The <c>ActivityStatus</c> name that means "no aplica": such a value never enters a mean.</summary>
    public const string NotApplicableStatus = "NotApplicable";

    public bool IsNotApplicable => string.Equals(Status?.Trim(), NotApplicableStatus, StringComparison.OrdinalIgnoreCase);

    public static UnitActivityValue NotSubmitted(string unitCode) => new(unitCode, false, null, null, null, null, null);

    /// <summary>True when this value counts towards the regional mean.</summary>
    public bool Counts => Ejecutado is not null && !IsNotApplicable;
}
