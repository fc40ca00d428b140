using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Support;

/// <summary>The real plan in force and its reporting units, loaded once for the tests that need them.</summary>
public static class RealPlan
{
    private static readonly Lazy<PlanCatalog> LazyCatalog = new(() => PlanLoader.LoadEmbedded("2020-2022"));
    private static readonly Lazy<ReportingUnits> LazyUnits = new(ReportingUnitsLoader.LoadEmbedded);

    public static PlanCatalog Catalog => LazyCatalog.Value;
    public static ReportingUnits Units => LazyUnits.Value;

    public static ReportingUnit Unit(string code) => Units.Find(code) ?? throw new ArgumentException($"No unit {code}.", nameof(code));
}
