using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Trends;

/// <summary>
/// Six quarters of the real plan written through the real stores, drawn from a seed: nobody in 2020-Q3; from 2020-Q4
/// on, each unit reports on time, late, only rejected sheets or nothing; each value either stays where it was the
/// quarter before (so activities stall) or moves; blanks, "no aplica", superseded versions; ejecutado restarts in 2021.
/// </summary>
internal static class TrendStory
{
    public static readonly ReportingPeriod First = new(2020, 3);
    public static readonly ReportingPeriod Last = new(2021, 4);

    public static IReadOnlyList<ReportingPeriod> Periods
    {
        get
        {
            var list = new List<ReportingPeriod>();
            for (var p = First; p <= Last; p = p.Next) list.Add(p);
            return list;
        }
    }

    public static async Task SeedAsync(TestStorage storage, int seed)
    {
        var random = new Random(seed);
        var catalog = RealPlan.Catalog;
        var units = RealPlan.Units;
        var last = new Dictionary<(string, string), double?>();
        foreach (var period in Periods.Skip(1))
        {
            var due = ReportingCalendar.Dates(period, ReportingZone.Utc, 30, -1).Deadline;
            foreach (var unit in units.At(period).All)
            {
                var draw = random.NextDouble();
                if (draw < 0.1) continue;
                if (draw < 0.16)
                {
                    await ReportStorage.RejectAsync(storage, unit.Code, period, due.AddDays(-3));
                    continue;
                }
                // One in five arrives after the deadline.
                var at = due.AddDays(random.NextDouble() < 0.2 ? random.Next(0, 5) : -random.Next(1, 20)).AddMinutes(random.Next(0, 600));
                if (random.NextDouble() < 0.2)
                    await ReportStorage.SubmitAsync(storage, unit.Code, period, at.AddMinutes(-30), Rows(random, catalog, unit, period, last, superseded: true));
                await ReportStorage.SubmitAsync(storage, unit.Code, period, at, Rows(random, catalog, unit, period, last, superseded: false));
            }
        }
        // Whatever the draw, someone reports the last quarter.
        await ReportStorage.SubmitAsync(storage, "ST", Last, ReportingCalendar.Dates(Last, ReportingZone.Utc, 30, -1).Deadline.AddDays(-1),
            Rows(random, catalog, units.Find("ST")!, Last, last, superseded: false));
    }

    private static List<ProgressRow> Rows(Random random, PlanCatalog catalog, ReportingUnit unit, ReportingPeriod period,
        Dictionary<(string, string), double?> last, bool superseded)
    {
        double[] steps = [0, 5, 10, 12.5, 20, 25];
        var rows = new List<ProgressRow>();
        foreach (var activity in catalog.ActivitiesFor(unit))
        {
            var key = (unit.Code, activity.Code);
            var before = period.Quarter == 1 ? 0 : last.GetValueOrDefault(key) ?? 0;
            var draw = random.NextDouble();
            var (ejecutado, status) = draw switch
            {
                < 0.08 => ((double?)null, (string?)null),
                < 0.12 => (null, "NotApplicable"),
                // Half the values stay where they were: activities stall.
                < 0.55 => (before, "InProgress"),
                _ => (Math.Min(100, before + steps[random.Next(steps.Length)]), "InProgress"),
            };
            if (superseded)
            {
                rows.Add(DrawnProgressRows.Row(unit, period, activity, ejecutado is null ? null : 99.5, status));
                continue;
            }
            if (ejecutado is not null && status != "NotApplicable") last[key] = ejecutado;
            rows.Add(DrawnProgressRows.Row(unit, period, activity, ejecutado, status));
        }

        return rows;
    }
}
