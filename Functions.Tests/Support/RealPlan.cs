using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

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
    /// <param name="lockGraceDays">
    /// <c>Reports__LockGraceDays</c>: -1 (never lock) by default, since these sheets are of 2021 quarters checked at
    /// today's date; with a grace, quarters lock by the calendar alone (no storage is composed here, so the expectation
    /// must say <c>LockByCalendarOnly</c>).
    /// </param>
    public static UploadValidator UploadValidator(TimeProvider? time = null, int lockGraceDays = -1)
    {
        var clock = time ?? TimeProvider.System;
        var calendar = Calendar(clock, lockGraceDays);
        // Never read: a quarter locked by the calendar is checked without storage (LockByCalendarOnly) in these tests.
        var store = new PeriodLockStore(new TableServiceClient("UseDevelopmentStorage=true"), new StorageLayout());
        return new(
            new PackageInspector(Options.Create(new IngestionOptions()), NullLogger<PackageInspector>.Instance),
            new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance),
            new SheetValidator(Plans, Units),
            Units,
            calendar,
            new PeriodLockService(store, calendar, Plans, Units, clock, NullLogger<PeriodLockService>.Instance),
            new RegisteredContacts(Options.Create(new ContactOptions { SecretariatCopy = "st@coalicion.example.org" })));
    }

    /// <summary>The reporting calendar with the default deadline, on <paramref name="time"/> (the system clock by default).</summary>
    /// <param name="lockGraceDays"><c>Reports__LockGraceDays</c> (the default, 15, unless given).</param>
    public static ReportingCalendar Calendar(TimeProvider? time = null, int? lockGraceDays = null) =>
        new(Options.Create(new ReportingOptions { LockGraceDays = lockGraceDays ?? new ReportingOptions().LockGraceDays }), Plans, Units, time ?? TimeProvider.System);

    /// <summary>The real plan under another id and years (a later plan, an overlapping one) for publication and registry tests.</summary>
    public static PlanCatalog Renamed(string id, int firstYear, int lastYear) =>
        Catalog with { Id = id, Title = new($"Plan {id}", $"Plan {id}"), FirstYear = firstYear, LastYear = lastYear };

    public static ReportingUnit Unit(string code) => Units.Find(code) ?? throw new ArgumentException($"No unit {code}.", nameof(code));
}
