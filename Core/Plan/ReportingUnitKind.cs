namespace ServerlessPlan.Core.Plan;

public enum ReportingUnitKind
{
    /// <summary>A member country: reports national and shared activities.</summary>
    Country,

    /// <summary>The Secretaría Técnica: reports regional and shared activities for the region.</summary>
    Secretariat,
}
