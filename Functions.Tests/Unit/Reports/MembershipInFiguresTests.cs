using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Unit.Reports;

/// <summary>The regional figures of a quarter count the units that were members then (<see cref="ReportingUnits.At"/>).</summary>
public sealed class MembershipInFiguresTests
{
    private static readonly ReportingUnit Mexico =
        new("MX", new LocalizedText("México", "Mexico"), Language.Es, ReportingUnitKind.Country) { From = new ReportingPeriod(2022, 1) };

    private static readonly ReportingUnits WithMexico = new([.. Units.All, Mexico]);

    private static ProgressSnapshot Snapshot(ReportingPeriod period, params string[] reporting)
    {
        var at = period.EndExclusive.AddDays(-5);
        var history = reporting.Select(u => new SubmissionEntity
        {
            RowKey = $"{u}-{period}", Unit = u, Period = period.ToString(), UploadedAt = at, Status = nameof(SubmissionStatus.Current),
        }).ToList();
        var pointers = reporting.Select(u => new CurrentPointerEntity { Unit = u, Period = period.ToString(), SubmissionId = $"{u}-{period}", UploadedAt = at }).ToList();
        var rows = reporting.ToDictionary(u => u, u => (IReadOnlyList<ProgressRow>)[Row(u, period, National, 50)]);
        return new ProgressSnapshot(period, new PeriodSubmissions(period, history, pointers), rows);
    }

    private static RegionalProgress Calculate(ReportingPeriod period, params string[] reporting) =>
        new RegionalProgressCalculator().Calculate(Catalog, WithMexico, Snapshot(period, reporting), null, new ReportingOptions());

    [Fact]
    public void A_country_that_joins_is_absent_from_earlier_quarters_and_present_from_its_first()
    {
        var before = Calculate(new ReportingPeriod(2021, 3), "GT", "HN");
        var after = Calculate(new ReportingPeriod(2022, 1), "GT", "HN", "MX");

        Assert.DoesNotContain(before.Units, u => u.Unit.Code == "MX");
        Assert.Equal((2, 4), (before.UnitsReported, before.UnitsExpected));
        Assert.Equal("2 de 3", before.Activities.Single(a => a.Activity.Code == National).Coverage);

        Assert.Contains(after.Units, u => u.Unit.Code == "MX" && u.HasReported);
        Assert.Equal((3, 5), (after.UnitsReported, after.UnitsExpected));
        Assert.Equal("3 de 4", after.Activities.Single(a => a.Activity.Code == National).Coverage);
    }

    [Fact]
    public void Rows_of_a_unit_that_was_not_a_member_never_count()
    {
        // Ingestion refuses them (UNIT_NOT_MEMBER); the figures do not trust that.
        var progress = Calculate(new ReportingPeriod(2021, 3), "GT", "MX");

        Assert.Equal(50, progress.Activities.Single(a => a.Activity.Code == National).RegionalEjecutado);
        Assert.Equal("1 de 3", progress.Activities.Single(a => a.Activity.Code == National).Coverage);
        Assert.DoesNotContain(progress.Units, u => u.Unit.Code == "MX");
    }
}
