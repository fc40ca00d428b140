using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// A small plan built in code for report tests: two axes, five activities covering national, regional and shared
/// reporting, one activity with nothing programmed in 2021; three countries and the Secretaría Técnica.
/// </summary>
public static class ReportTestPlan
{
    public static readonly PlanCatalog Catalog = Build();

    public static readonly ReportingUnits Units = new(
    [
        new ReportingUnit("GT", new LocalizedText("Guatemala", "Guatemala"), Language.Es, ReportingUnitKind.Country),
        new ReportingUnit("HN", new LocalizedText("Honduras", "Honduras"), Language.Es, ReportingUnitKind.Country),
        new ReportingUnit("BZ", new LocalizedText("Belice", "Belize"), Language.En, ReportingUnitKind.Country),
        new ReportingUnit("ST", new LocalizedText("Secretaría Técnica", "Technical Secretariat"), Language.Es, ReportingUnitKind.Secretariat),
    ]);

    public const string National = "1.1.1.1";
    public const string Shared = "1.1.1.2";
    public const string NotPlannedIn2021 = "1.1.1.3";
    public const string Regional = "2.1.1.1";
    public const string National2 = "2.1.1.2";

    private static PlanCatalog Build()
    {
        static PlanActivity Activity(string axis, string code, string label, ReportingLevel level, decimal? p2020, decimal? p2021, decimal? p2022) =>
            new(code, label, $"Actividad {code}", $"Meta {code}", $"Indicador {code}",
                level == ReportingLevel.Regional ? "Secretaría Técnica y Presidencia" : "Países miembros",
                level, false, [new YearTarget(2020, p2020, null), new YearTarget(2021, p2021, null), new YearTarget(2022, p2022, null)])
            {
                AxisCode = axis,
                OperationalObjectiveCode = code[..5],
            };

        var axis1 = new Axis("1", new LocalizedText("Prevención", "Prevention"),
        [
            new StrategicObjective("1.1", "1.1", "Objetivo estratégico 1.1",
            [
                new OperationalObjective("1.1.1", "1.1.1", "Objetivo operativo 1.1.1",
                [
                    Activity("1", National, "1.1.", ReportingLevel.National, 50, 50, null),
                    Activity("1", Shared, "1.2.", ReportingLevel.Both, null, 100, null),
                    Activity("1", NotPlannedIn2021, "1.3.", ReportingLevel.National, 100, null, null),
                ]),
            ]),
        ]);
        var axis2 = new Axis("2", new LocalizedText("Atención Integral", "Comprehensive Care"),
        [
            new StrategicObjective("2.1", "2.1", "Objetivo estratégico 2.1",
            [
                new OperationalObjective("2.1.1", "2.1.1", "Objetivo operativo 2.1.1",
                [
                    Activity("2", Regional, "2.1.1.1", ReportingLevel.Regional, null, 40, 60),
                    Activity("2", National2, "2.1.1.2", ReportingLevel.National, null, 60, 40),
                ]),
            ]),
        ]);
        return new PlanCatalog("test", new LocalizedText("Plan Operativo de prueba", "Test operational plan"), 2020, 2022, [axis1, axis2]);
    }

    public static ProgressRow Row(string unit, ReportingPeriod period, string activity, double? ejecutado,
        string? status = "InProgress", string? observaciones = null) => new()
    {
        Unit = unit,
        Period = period.ToString(),
        Year = period.Year,
        Activity = activity,
        Programado = (double?)Catalog.FindActivity(activity)?.ForYear(period.Year)?.Programado,
        Ejecutado = ejecutado,
        Status = status,
        Observaciones = observaciones,
    };

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
    public static MergedWorkbookService Service(TestStorage storage, out MergedWorkbookWriter writer, int deadlineDays = 30,
        DateTimeOffset? now = null, ReportedQuarter reported = ReportedQuarter.LastDue)
    {
        writer = new MergedWorkbookWriter(NullLogger<MergedWorkbookWriter>.Instance);
        var loader = new ProgressSnapshotLoader(storage.Submissions(), storage.Progress(), Catalog, Units, NullLogger<ProgressSnapshotLoader>.Instance);
        var reporting = Options.Create(new ReportingOptions { DeadlineDays = deadlineDays });
        var calendar = new ReportingCalendar(reporting, Catalog, now is { } at ? new FakeTimeProvider(at) : TimeProvider.System);
        return new MergedWorkbookService(loader, new RegionalProgressCalculator(), writer, Catalog, Units, calendar, reporting,
            Options.Create(new DigestOptions { Period = reported }));
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
