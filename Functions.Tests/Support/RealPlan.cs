using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Tests.Support;

/// <summary>The real plan in force and its reporting units, loaded once for the tests that need them.</summary>
public static class RealPlan
{
    private static readonly Lazy<PlanCatalog> LazyCatalog = new(() => PlanLoader.LoadEmbedded("2020-2022"));
    private static readonly Lazy<ReportingUnits> LazyUnits = new(ReportingUnitsLoader.LoadEmbedded);
    private static readonly Lazy<PlanRegistry> LazyPlans = new(() => PlanRegistry.Fixed(Catalog));

    public static PlanCatalog Catalog => LazyCatalog.Value;

    /// <summary>The real plan as the only plan in force (no storage).</summary>
    public static PlanRegistry Plans => LazyPlans.Value;
    public static ReportingUnits Units => LazyUnits.Value;

    /// <summary>The whole offline check (guard, reader, rules) over the real plan, as the CLI and the HTTP function compose it.</summary>
    /// <param name="time">The reporting calendar's clock (the system clock by default): it decides which quarters have opened.</param>
    public static UploadValidator UploadValidator(TimeProvider? time = null) => new(
        new PackageInspector(Options.Create(new IngestionOptions()), NullLogger<PackageInspector>.Instance),
        new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance),
        new SheetValidator(Plans, Units),
        Units,
        Calendar(time));

    /// <summary>The reporting calendar with the default deadline, on <paramref name="time"/> (the system clock by default).</summary>
    public static ReportingCalendar Calendar(TimeProvider? time = null) =>
        new(Options.Create(new ReportingOptions()), Plans, time ?? TimeProvider.System);

    /// <summary>The real plan under another id and years (a later plan, an overlapping one) for publication and registry tests.</summary>
    public static PlanCatalog Renamed(string id, int firstYear, int lastYear) =>
        Catalog with { Id = id, Title = new($"Plan {id}", $"Plan {id}"), FirstYear = firstYear, LastYear = lastYear };

    public static ReportingUnit Unit(string code) => Units.Find(code) ?? throw new ArgumentException($"No unit {code}.", nameof(code));
}
