namespace ServerlessPlan.Core.Plan.Publishing;

/// <summary>Where a plan in force comes from. A published plan replaces a file or embedded plan of the same id.</summary>
public enum PlanOrigin
{
    /// <summary>Compiled into Core (<c>Core/Plan/plan-{id}.json</c>).</summary>
    Embedded,

    /// <summary>The file named by <c>Plan__File</c>.</summary>
    File,

    /// <summary>Published with <c>serverlessplan plan publish</c> (<c>config/plans/{id}.json</c>).</summary>
    Published,
}

/// <summary>One plan in force and where it comes from.</summary>
/// <param name="Location">The embedded resource, the file path or the blob path.</param>
/// <param name="IsDefault">The plan the app serves today (<c>Plan__File</c>, else <c>Plan__Id</c>).</param>
/// <param name="Published">Publication details when <paramref name="Origin"/> is <see cref="PlanOrigin.Published"/>.</param>
/// <param name="Replaces">The origin of a same-id plan this one replaces (a published 2020-2022 over the embedded one).</param>
public sealed record PlanInForce(PlanCatalog Catalog, PlanOrigin Origin, string Location, bool IsDefault,
    PublishedPlan? Published = null, PlanOrigin? Replaces = null)
{
    public string Id => Catalog.Id;

    public bool Covers(int year) => Catalog.ContainsYear(year);

    public bool Overlaps(PlanCatalog other) => Catalog.FirstYear <= other.LastYear && other.FirstYear <= Catalog.LastYear;

    /// <summary>"2020-2022 (2020–2022)", for messages.</summary>
    public string Describe() => PlansInForce.Describe(Catalog);
}
