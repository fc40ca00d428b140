using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Support.ReportStorage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>Three periods of uploads written through the real stores, with every case the workbook must show.</summary>
internal static class WorkbookSeed
{
    public static readonly ReportingPeriod Q3 = new(2021, 3);
    public static readonly ReportingPeriod Q2 = new(2021, 2);
    public static readonly ReportingPeriod Q4Of2020 = new(2020, 4);

    public static readonly string[] HostileTexts =
        ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "<script>alert(1)</script>"];

    /// <summary>
    /// Data rows of the workbook: each of the three quarters with an accepted sheet (2020-Q4, 2021-Q2, 2021-Q3) has a row
    /// for every unit and activity of its part, reported or not: 3 countries × 4 activities + the ST × 2.
    /// </summary>
    public const int TotalRows = 3 * (3 * 4 + 2);

    public static async Task SeedAsync(TestStorage storage)
    {
        var due = new DateTimeOffset(2021, 10, 31, 0, 0, 0, TimeSpan.Zero);

        await SubmitAsync(storage, "GT", Q4Of2020, new(2021, 1, 10, 0, 0, 0, TimeSpan.Zero), [Row("GT", Q4Of2020, National, 100)]);

        await SubmitAsync(storage, "GT", Q2, new(2021, 7, 10, 0, 0, 0, TimeSpan.Zero), [Row("GT", Q2, National, 30), Row("GT", Q2, Shared, 40)]);
        await SubmitAsync(storage, "HN", Q2, new(2021, 7, 12, 0, 0, 0, TimeSpan.Zero), [Row("HN", Q2, National, 50)]);

        // GT: on time, then a correction after the deadline that replaces its values.
        await SubmitAsync(storage, "GT", Q3, due.AddDays(-20), [Row("GT", Q3, National, 10)]);
        await SubmitAsync(storage, "GT", Q3, due.AddDays(3),
        [
            Row("GT", Q3, National, 60, observaciones: HostileTexts[0]),
            Row("GT", Q3, Shared, 80, status: "NotApplicable", observaciones: HostileTexts[1]),
            Row("GT", Q3, NotPlannedIn2021, 100, observaciones: HostileTexts[2]),
            Evidence(Row("GT", Q3, National2, 35, observaciones: HostileTexts[3]), HostileTexts[4]),
        ]);
        // HN: late.
        await SubmitAsync(storage, "HN", Q3, due.AddDays(5),
        [
            Row("HN", Q3, National, 70),
            Row("HN", Q3, National2, 90, status: "NotApplicable"),
            Row("HN", Q3, Shared, 50),
        ]);
        // BZ: only a rejected upload.
        await RejectAsync(storage, "BZ", Q3, due.AddDays(-4), fileName: HostileTexts[3]);
        // ST: on time, hostile file name and focal point.
        await SubmitAsync(storage, "ST", Q3, due.AddDays(-1), [Row("ST", Q3, Regional, 25), Row("ST", Q3, Shared, 90.25)],
            fileName: HostileTexts[0], focalPoint: HostileTexts[1]);
    }

    private static Core.Storage.ProgressRow Evidence(Core.Storage.ProgressRow row, string evidence)
    {
        row.Evidencia = evidence;
        return row;
    }
}
