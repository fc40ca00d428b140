using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Storage;

/// <summary>How a submission's arrivals are kept: the first never moves, the latest orders it, and timeliness follows the first.</summary>
public sealed class SubmissionArrivalTests
{
    private static readonly DateTimeOffset T1 = new(2021, 10, 20, 9, 0, 0, 100, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddDays(20);
    private static readonly DateTimeOffset T3 = T1.AddDays(25);

    private static SubmissionEntity Entry(string id, DateTimeOffset uploadedAt, DateTimeOffset? last = null, string status = nameof(SubmissionStatus.Current)) => new()
    {
        PartitionKey = "2021-Q3|GT",
        RowKey = id,
        Unit = "GT",
        Period = "2021-Q3",
        Status = status,
        UploadedAt = uploadedAt,
        LastUploadedAt = last,
    };

    [Fact]
    public void A_later_arrival_of_recorded_content_keeps_the_first_and_records_the_latest()
    {
        var again = Entry("a", T3);

        again.AddArrivals(Entry("a", T1));

        Assert.Equal((T1, (DateTimeOffset?)T3, T3), (again.UploadedAt, again.LastUploadedAt, again.LatestArrival));
    }

    [Fact]
    public void An_earlier_arrival_processed_late_becomes_the_first_without_losing_the_latest()
    {
        var late = Entry("a", T1);

        late.AddArrivals(Entry("a", T2, T3));

        Assert.Equal((T1, (DateTimeOffset?)T3), (late.UploadedAt, late.LastUploadedAt));
    }

    [Fact]
    public void The_same_arrival_again_records_nothing_new()
    {
        var again = Entry("a", T1);

        again.AddArrivals(Entry("a", T1));
        again.AddArrivals(null);

        Assert.Equal((T1, (DateTimeOffset?)null, T1), (again.UploadedAt, again.LastUploadedAt, again.LatestArrival));
    }

    [Fact]
    public void A_unit_on_time_stays_on_time_when_it_re_uploads_an_earlier_version_after_the_deadline()
    {
        var period = new ReportingPeriod(2021, 3);
        var options = new ReportingOptions { DeadlineDays = 30 };
        var deadline = ReportingCalendar.Dates(period, ReportingZone.Utc, options.DeadlineDays, options.LockGraceDays).Deadline;
        Assert.True(T1 < deadline && T2 > deadline, "the first version is on time, the second late");
        // GT sent version A on time, B after the deadline, then A again: A is current, first arrived at T1.
        var history = new List<SubmissionEntity>
        {
            Entry("a", T1, T3),
            Entry("b", T2, status: nameof(SubmissionStatus.Superseded)),
        };
        var pointer = new CurrentPointerEntity { PartitionKey = "2021-Q3|GT", Unit = "GT", Period = "2021-Q3", SubmissionId = "a", UploadedAt = T3 };
        var snapshot = new ProgressSnapshot(period, new PeriodSubmissions(period, history, [pointer]), new Dictionary<string, IReadOnlyList<ProgressRow>>());

        var status = new RegionalProgressCalculator().Calculate(RealPlan.Catalog, RealPlan.Units, snapshot, null, options).Units.Single(u => u.Unit.Code == "GT");

        Assert.Equal(SubmissionTimeliness.OnTime, status.Timeliness);
        Assert.Equal((T1, T3, T3), (status.FirstAcceptedAt, status.CurrentUploadedAt, status.LastUploadAt));
    }

    [Theory]
    [InlineData("2021-10-25T05:41:32.5526810Z", "2021-10-25T05:41:32.5526810+00:00")]
    [InlineData("2021-10-25T05:41:32Z", "2021-10-25T05:41:32+00:00")]
    [InlineData(null, "2021-10-25T05:41:32+00:00")]
    [InlineData("", "2021-10-25T05:41:32+00:00")]
    [InlineData("not-a-version", "2021-10-25T05:41:32+00:00")]
    public void The_arrival_is_the_version_id_when_there_is_one_else_last_modified(string? versionId, string expected)
    {
        var lastModified = new DateTimeOffset(2021, 10, 25, 5, 41, 32, TimeSpan.Zero);

        var arrival = UploadArrival.Of(versionId, lastModified);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), arrival);
        Assert.Equal(TimeSpan.Zero, arrival.Offset);
    }
}
