using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.PlanMatrix;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Core.Storage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Support;

/// <summary>Submissions of the <see cref="TestPlan"/> written through the real stores, and the workbook service over them.</summary>
internal static class ReportStorage
{
    /// <summary>An accepted upload written through the real stores: rows first, then the pointer flips.</summary>
    public static async Task<SubmissionEntity> SubmitAsync(TestStorage storage, string unit, ReportingPeriod period,
        DateTimeOffset uploadedAt, IReadOnlyList<ProgressRow> rows, string? fileName = null, string? focalPoint = null)
    {
        var submission = NewSubmission(unit, period, uploadedAt, fileName, focalPoint);
        submission.RowCount = rows.Count;
        await storage.Progress().WriteAsync(submission.PartitionKey, submission.RowKey, rows, default);
        await storage.Submissions().PromoteAsync(submission, default);
        return submission;
    }

    public static async Task<SubmissionEntity> RejectAsync(TestStorage storage, string unit, ReportingPeriod period,
        DateTimeOffset uploadedAt, string? fileName = null)
    {
        var submission = NewSubmission(unit, period, uploadedAt, fileName, null);
        submission.Status = nameof(SubmissionStatus.Rejected);
        submission.ErrorCount = 3;
        await storage.Submissions().UpsertAsync(submission, default);
        return submission;
    }

    /// <param name="now">The reporting calendar's clock (the system clock by default), for the default period.</param>
    /// <param name="catalog">The plan (the <see cref="TestPlan"/> by default).</param>
    /// <param name="units">Its reporting units (the <see cref="TestPlan"/>'s by default).</param>
    /// <param name="lockGraceDays"><c>Reports__LockGraceDays</c>: -1 (never lock) unless a test is about locks.</param>
    public static MergedWorkbookService Service(TestStorage storage, out MergedWorkbookWriter writer, int deadlineDays = 30,
        DateTimeOffset? now = null, ReportedQuarter reported = ReportedQuarter.LastDue, PlanCatalog? catalog = null, ReportingUnits? units = null,
        int lockGraceDays = -1)
    {
        catalog ??= Catalog;
        units ??= Units;
        writer = new MergedWorkbookWriter(NullLogger<MergedWorkbookWriter>.Instance);
        var plans = ReferenceEquals(catalog, Catalog) ? Plans : PlanRegistry.Fixed(catalog);
        var reporting = Options.Create(new ReportingOptions { DeadlineDays = deadlineDays, LockGraceDays = lockGraceDays });
        var clock = now is { } at ? new FakeTimeProvider(at) : TimeProvider.System;
        var calendar = new ReportingCalendar(reporting, plans, units, clock);
        var locks = new PeriodLockService(storage.Locks(), calendar, plans, units, clock, NullLogger<PeriodLockService>.Instance);
        var loader = new ProgressSnapshotLoader(storage.Submissions(), storage.Arrivals(), storage.Progress(), locks, plans, units, NullLogger<ProgressSnapshotLoader>.Instance);
        var trends = new TrendService(storage.Submissions(), loader, new TrendCalculator(new RegionalProgressCalculator()), plans, units, reporting,
            NullLogger<TrendService>.Instance);
        return new MergedWorkbookService(loader, new RegionalProgressCalculator(), writer, plans, units, calendar, reporting,
            Options.Create(new DigestOptions { Period = reported }), trends);
    }

    /// <summary>The trend service over the same stores, plan and units as <see cref="Service"/>.</summary>
    public static TrendService Trends(TestStorage storage, PlanCatalog? catalog = null, ReportingUnits? units = null, int deadlineDays = 30)
    {
        catalog ??= Catalog;
        units ??= Units;
        var plans = ReferenceEquals(catalog, Catalog) ? Plans : PlanRegistry.Fixed(catalog);
        var reporting = Options.Create(new ReportingOptions { DeadlineDays = deadlineDays, LockGraceDays = -1 });
        var calendar = new ReportingCalendar(reporting, plans, units, TimeProvider.System);
        var locks = new PeriodLockService(storage.Locks(), calendar, plans, units, TimeProvider.System, NullLogger<PeriodLockService>.Instance);
        var loader = new ProgressSnapshotLoader(storage.Submissions(), storage.Arrivals(), storage.Progress(), locks, plans, units, NullLogger<ProgressSnapshotLoader>.Instance);
        return new TrendService(storage.Submissions(), loader, new TrendCalculator(new RegionalProgressCalculator()), plans, units, reporting,
            NullLogger<TrendService>.Instance);
    }

    /// <summary>The filled plan matrix over the same stores, plan and units as <see cref="Service"/>, its calendar at <paramref name="now"/>.</summary>
    public static PlanMatrixReport PlanMatrix(TestStorage storage, DateTimeOffset now, PlanCatalog? catalog = null, ReportingUnits? units = null,
        int deadlineDays = 30)
    {
        catalog ??= Catalog;
        units ??= Units;
        var plans = ReferenceEquals(catalog, Catalog) ? Plans : PlanRegistry.Fixed(catalog);
        var reporting = Options.Create(new ReportingOptions { DeadlineDays = deadlineDays, LockGraceDays = -1 });
        var calendar = new ReportingCalendar(reporting, plans, units, new FakeTimeProvider(now));
        return new PlanMatrixReport(Trends(storage, catalog, units, deadlineDays), Service(storage, out _, deadlineDays, now, catalog: catalog, units: units),
            calendar, new FilledPlanMatrixWriter(), NullLogger<PlanMatrixReport>.Instance);
    }

    private static SubmissionEntity NewSubmission(string unit, ReportingPeriod period, DateTimeOffset uploadedAt, string? fileName, string? focalPoint)
    {
        var id = $"{uploadedAt:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..30];
        return new SubmissionEntity
        {
            PartitionKey = TableKeys.Partition(period, unit),
            RowKey = id,
            Unit = unit,
            Period = period.ToString(),
            UploadedAt = uploadedAt,
            ProcessedAt = uploadedAt.AddMinutes(1),
            FileName = fileName ?? $"{unit}-{period}.xlsx",
            ContentHash = id,
            FocalPointName = focalPoint,
        };
    }
}
