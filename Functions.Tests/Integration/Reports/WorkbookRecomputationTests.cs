using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Reports.WorkbookSeed;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>
/// Every figure of the merged workbook and of the digest, recomputed from the workbook's <i>Datos</i> sheet alone
/// (<see cref="DatosOracle"/>): for the seeded story of the report tests, and for random quarters of the real plan —
/// units missing or rejected, cells left blank, "no aplica" with and without a number, superseded versions with other
/// values, stray rows outside a unit's part, ties in the ranking.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class WorkbookRecomputationTests(AzuriteFixture azurite)
{
    private static readonly ReportingPeriod Q2 = new(2021, 2);

    /// <returns>The data sheet's rows.</returns>
    private static async Task<List<DatosRow>> CheckAsync(TestStorage storage, ReportingPeriod period, PlanCatalog? catalog = null, ReportingUnits? units = null)
    {
        var service = ReportStorage.Service(storage, out _, catalog: catalog, units: units);
        using var output = new MemoryStream();
        Assert.NotNull(await service.WriteAsync(period, output, default));
        output.Position = 0;
        using var workbook = new XLWorkbook(output);

        var oracle = DatosOracle.From(workbook, period);
        RecomputedFigures.InWorkbook(workbook, oracle);
        var (progress, _) = await service.CalculateAsync(period, default);
        RecomputedFigures.InDigest(new DigestComposer().Compose(progress, null, Language.Es), oracle);
        return DatosOracle.Read(workbook);
    }

    [Fact]
    public async Task The_seeded_story_recomputes_from_the_data_sheet_alone()
    {
        var storage = new TestStorage(azurite);
        await SeedAsync(storage);

        await CheckAsync(storage, Q3);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(2021)]
    [InlineData(77003)]
    public async Task Random_quarters_of_the_real_plan_recompute_from_the_data_sheet_alone(int seed)
    {
        var storage = new TestStorage(azurite);
        var random = new Random(seed);
        var catalog = RealPlan.Catalog;
        var units = RealPlan.Units;
        foreach (var period in new[] { Q2, Q3 })
        {
            var due = ReportingCalendar.Dates(period, ReportingZone.Utc, 30, 15).Deadline;
            foreach (var unit in units.All)
            {
                var draw = random.NextDouble();
                var at = due.AddDays(-random.Next(1, 20)).AddMinutes(random.Next(0, 600));
                if (draw < 0.12) continue;
                if (draw < 0.2)
                {
                    await ReportStorage.RejectAsync(storage, unit.Code, period, at);
                    continue;
                }
                if (random.NextDouble() < 0.25)
                {
                    // A first version with other values, superseded by the one below: none of it may show.
                    await ReportStorage.SubmitAsync(storage, unit.Code, period, at.AddDays(-2), Rows(random, catalog, unit, period, superseded: true));
                }
                await ReportStorage.SubmitAsync(storage, unit.Code, period, at, Rows(random, catalog, unit, period, superseded: false));
            }
        }
        // Whatever the draw, someone reported this quarter.
        await ReportStorage.SubmitAsync(storage, "ST", Q3, ReportingCalendar.Dates(Q3, ReportingZone.Utc, 30, 15).Deadline.AddDays(-1),
            Rows(random, catalog, units.Find("ST")!, Q3, superseded: false));

        var rows = await CheckAsync(storage, Q3, catalog, units);

        Assert.DoesNotContain(rows, r => r.Ejecutado == 99.5);
        // Every expected unit has its row for every activity of its part, in both quarters, whether it reported or not.
        foreach (var period in new[] { Q2, Q3 })
        {
            var expected = units.All.Sum(u => catalog.ActivitiesFor(u).Count);
            Assert.Equal(expected, rows.Count(r => r.Period == period.ToString()));
        }
    }

    /// <summary>A unit's sheet: values from a short list (so ties happen), some blank, some "no aplica", now and then a stray row.</summary>
    private static List<ProgressRow> Rows(Random random, PlanCatalog catalog, ReportingUnit unit, ReportingPeriod period, bool superseded)
    {
        double[] values = [0, 10, 12.5, 20, 25, 30, 33.25, 40, 45, 50, 60, 75, 90, 100];
        var rows = new List<ProgressRow>();
        foreach (var activity in catalog.ActivitiesFor(unit))
        {
            var draw = random.NextDouble();
            var (ejecutado, status) = draw switch
            {
                < 0.12 => ((double?)null, (string?)null),
                < 0.17 => (null, "NotApplicable"),
                < 0.20 => (values[random.Next(values.Length)], "NotApplicable"),
                _ => (values[random.Next(values.Length)], "InProgress"),
            };
            // Superseded values sit far from the current ones: a leak would move every mean.
            if (superseded && ejecutado is not null) ejecutado = 99.5;
            rows.Add(DrawnProgressRows.Row(unit, period, activity, ejecutado, status));
        }
        if (random.NextDouble() < 0.2)
        {
            // A row for an activity outside the unit's part (a plan changed since): it enters no figure.
            var stray = catalog.Activities.FirstOrDefault(a => !unit.Reports(a));
            if (stray is not null) rows.Add(DrawnProgressRows.Row(unit, period, stray, 100, "InProgress"));
        }

        return rows;
    }
}
