using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Unit.Reports;

public sealed class RegionalProgressCalculatorTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    private static readonly ReportingPeriod Q2 = new(2021, 2);
    private static readonly ReportingOptions Options = new() { DeadlineDays = 30 };

    // 2021-Q3 ends 2021-10-01; 30 days later.
    private static readonly DateTimeOffset Deadline = new(2021, 10, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly RegionalProgressCalculator _calculator = new();

    /// <summary>A period's snapshot as the loader would return it: each unit's accepted upload is current.</summary>
    private sealed class SnapshotBuilder(ReportingPeriod period)
    {
        private readonly List<SubmissionEntity> _history = [];
        private readonly List<CurrentPointerEntity> _pointers = [];
        private readonly Dictionary<string, IReadOnlyList<ProgressRow>> _rows = new();

        public SnapshotBuilder Accepted(string unit, DateTimeOffset at, params ProgressRow[] rows)
        {
            var id = $"{unit}-{_history.Count}";
            var previous = _pointers.FirstOrDefault(p => p.Unit == unit);
            if (previous is not null)
            {
                _pointers.Remove(previous);
                _history.Single(h => h.RowKey == previous.SubmissionId).Status = nameof(SubmissionStatus.Superseded);
            }
            _history.Add(new SubmissionEntity { RowKey = id, Unit = unit, Period = period.ToString(), UploadedAt = at, Status = nameof(SubmissionStatus.Current) });
            _pointers.Add(new CurrentPointerEntity { Unit = unit, Period = period.ToString(), SubmissionId = id, UploadedAt = at });
            _rows[unit] = rows;
            return this;
        }

        public SnapshotBuilder Rejected(string unit, DateTimeOffset at)
        {
            _history.Add(new SubmissionEntity { RowKey = $"{unit}-{_history.Count}", Unit = unit, Period = period.ToString(), UploadedAt = at, Status = nameof(SubmissionStatus.Rejected) });
            return this;
        }

        public ProgressSnapshot Build() => new(period, new PeriodSubmissions(period, _history, _pointers), _rows);
    }

    private static DateTimeOffset OnTime => Deadline.AddDays(-10);

    private RegionalProgress Calculate(SnapshotBuilder current, SnapshotBuilder? previous = null) =>
        _calculator.Calculate(Catalog, Units, current.Build(), previous?.Build(), Options);

    private static ActivityProgress For(RegionalProgress p, string code) => p.Activities.Single(a => a.Activity.Code == code);

    [Fact]
    public void Regional_ejecutado_is_the_mean_of_the_units_that_reported_a_number_beside_its_lower_bound()
    {
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", OnTime, Row("GT", Q3, National, 40))
            .Accepted("HN", OnTime, Row("HN", Q3, National, 70))
            .Accepted("BZ", OnTime, Row("BZ", Q3, National, null)));

        var activity = For(progress, National);
        Assert.Equal(55, activity.RegionalEjecutado);
        Assert.Equal(2, activity.Reporting);
        Assert.Equal(3, activity.Expected);
        Assert.Equal(1, activity.Missing);
        Assert.Equal("2 de 3", activity.Coverage);
        // Belize's blank counts as no progress in the bound: (40 + 70 + 0) / 3.
        Assert.Equal(110.0 / 3, activity.LowerBound!.Value, 12);
        Assert.Equal(55.0 / 50, activity.RelativeProgress!.Value, 12);
    }

    [Fact]
    public void No_aplica_leaves_both_the_mean_and_the_expected_count_even_with_a_number()
    {
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", OnTime, Row("GT", Q3, National, 40))
            .Accepted("HN", OnTime, Row("HN", Q3, National, 95, status: "NotApplicable"))
            .Accepted("BZ", OnTime, Row("BZ", Q3, National, 20)));

        var activity = For(progress, National);
        Assert.Equal(30, activity.RegionalEjecutado);
        Assert.Equal("2 de 2", activity.Coverage);
        Assert.Equal(1, activity.NotApplicable);
        Assert.Equal(0, activity.Missing);
        Assert.Equal(30, activity.LowerBound);
        Assert.False(activity.IsNotApplicableToAll);
    }

    [Fact]
    public void An_activity_every_unit_marks_no_aplica_reads_as_such_and_leaves_the_axis_figures()
    {
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", OnTime, Row("GT", Q3, National2, null, status: "NotApplicable"), Row("GT", Q3, National, 50))
            .Accepted("HN", OnTime, Row("HN", Q3, National2, null, status: "NotApplicable"))
            .Accepted("BZ", OnTime, Row("BZ", Q3, National2, 10, status: "NotApplicable")));

        var activity = For(progress, National2);
        Assert.True(activity.IsNotApplicableToAll);
        Assert.Equal((0, 0, 3), (activity.Reporting, activity.Expected, activity.NotApplicable));
        Assert.Null(activity.RegionalEjecutado);
        Assert.Null(activity.LowerBound);
        Assert.False(activity.IsPlanned);

        // Axis 2 keeps only Regional (programado 40, nobody reported): planned 1, not 2; overall: 3 planned, 1 all "no aplica".
        var axis2 = progress.Axes.Single(a => a.AxisCode == "2").Figures;
        Assert.Equal((0, 1), (axis2.ActivitiesReported, axis2.ActivitiesPlanned));
        Assert.Equal(1, axis2.ActivitiesNotApplicable);
        Assert.Equal(3, progress.Overall.ActivitiesPlanned);
        Assert.Equal(1, progress.Overall.ActivitiesNotApplicable);
    }

    [Fact]
    public void An_activity_nobody_reported_has_no_regional_value_rather_than_zero_and_a_lower_bound_of_zero()
    {
        var progress = Calculate(new SnapshotBuilder(Q3).Accepted("GT", OnTime, Row("GT", Q3, National, 40)));

        var activity = For(progress, National2);
        Assert.Null(activity.RegionalEjecutado);
        Assert.Equal("0 de 3", activity.Coverage);
        Assert.Equal(0, activity.LowerBound);
        // Nothing programmed for the year: nothing is missing either.
        Assert.Null(For(progress, NotPlannedIn2021).LowerBound);
    }

    [Fact]
    public void Shared_activities_expect_the_secretariat_alongside_the_countries_and_ignore_units_not_expected()
    {
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", OnTime, Row("GT", Q3, Shared, 60), Row("GT", Q3, Regional, 100))
            .Accepted("ST", OnTime, Row("ST", Q3, Shared, 90), Row("ST", Q3, Regional, 10), Row("ST", Q3, National, 100)));

        Assert.Equal(75, For(progress, Shared).RegionalEjecutado);
        Assert.Equal("2 de 4", For(progress, Shared).Coverage);
        Assert.Equal(150.0 / 4, For(progress, Shared).LowerBound);
        // A country has no say on a regional activity, nor the secretariat on a national one.
        Assert.Equal(10, For(progress, Regional).RegionalEjecutado);
        Assert.Equal("1 de 1", For(progress, Regional).Coverage);
        Assert.Null(For(progress, National).RegionalEjecutado);
    }

    [Fact]
    public void Axis_and_overall_figures_average_planned_activities_that_have_a_regional_value_beside_their_lower_bound()
    {
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", OnTime, Row("GT", Q3, National, 50), Row("GT", Q3, Shared, 80), Row("GT", Q3, NotPlannedIn2021, 100))
            .Accepted("ST", OnTime, Row("ST", Q3, Regional, 20)));

        // Axis 1: National (50 of 50) and Shared (80 of 100); NotPlannedIn2021 has no programado for 2021.
        var axis1 = progress.Axes.Single(a => a.AxisCode == "1").Figures;
        Assert.Equal(65, axis1.MeanEjecutado);
        Assert.Equal(75, axis1.MeanProgramado);
        Assert.Equal(65.0 / 75.0 * 100, axis1.Execution!.Value, 12);
        Assert.Equal("2 de 2", axis1.Coverage);
        // Lower bound: National 50 / 3 countries, Shared (80 + 0 + 0 + 0) / 4 units.
        Assert.Equal((50.0 / 3 + 80.0 / 4) / 2, axis1.LowerBoundEjecutado!.Value, 12);
        Assert.Equal(75, axis1.PlannedMeanProgramado);
        Assert.Equal((50.0 / 3 + 20) / 2 / 75 * 100, axis1.LowerBoundExecution!.Value, 12);
        Assert.Equal((2, 7), (axis1.ValuesReported, axis1.ValuesExpected));
        Assert.Equal((1, 4), (axis1.UnitsReporting, axis1.UnitsExpected));
        Assert.True(axis1.IsPartial);

        // Axis 2: Regional (20 of 40); National2 (programado 60) has no value: over reporters it is left out, in the bound it is 0.
        var axis2 = progress.Axes.Single(a => a.AxisCode == "2").Figures;
        Assert.Equal(20, axis2.MeanEjecutado);
        Assert.Equal(40, axis2.MeanProgramado);
        Assert.Equal(50, axis2.Execution);
        Assert.Equal("1 de 2", axis2.Coverage);
        Assert.Equal((20.0 + 0) / 2 / 50 * 100, axis2.LowerBoundExecution!.Value, 12);

        Assert.Equal(50, progress.Overall.MeanEjecutado);
        Assert.Equal(190.0 / 3, progress.Overall.MeanProgramado!.Value, 12);
        Assert.Equal(50 / (190.0 / 3) * 100, progress.Overall.Execution!.Value, 12);
        Assert.Equal("3 de 4", progress.Overall.Coverage);
        var bound = (50.0 / 3 + 20 + 20 + 0) / 4 / ((50 + 100 + 40 + 60) / 4.0) * 100;
        Assert.Equal(bound, progress.Overall.LowerBoundExecution!.Value, 12);
        Assert.True(progress.Overall.LowerBoundExecution < progress.Overall.Execution);
    }

    [Fact]
    public void With_every_expected_value_in_the_figure_is_complete_and_the_bound_equals_it()
    {
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", OnTime, Row("GT", Q3, National, 50), Row("GT", Q3, Shared, 80), Row("GT", Q3, National2, 30))
            .Accepted("HN", OnTime, Row("HN", Q3, National, 40), Row("HN", Q3, Shared, 70), Row("HN", Q3, National2, 20))
            .Accepted("BZ", OnTime, Row("BZ", Q3, National, 30), Row("BZ", Q3, Shared, 60), Row("BZ", Q3, National2, 10))
            .Accepted("ST", OnTime, Row("ST", Q3, Shared, 50), Row("ST", Q3, Regional, 20)));

        Assert.False(progress.Overall.IsPartial);
        Assert.Equal(progress.Overall.Execution!.Value, progress.Overall.LowerBoundExecution!.Value, 12);
    }

    [Fact]
    public void Without_any_value_axis_figures_are_empty_not_zero()
    {
        var progress = Calculate(new SnapshotBuilder(Q3));

        Assert.All(progress.Axes, a => Assert.Null(a.Figures.Execution));
        Assert.Null(progress.Overall.MeanEjecutado);
        Assert.Equal("0 de 4", progress.Overall.Coverage);
        Assert.Equal(0, progress.Overall.LowerBoundExecution);
        Assert.Equal(0, progress.UnitsReported);
        Assert.Equal(4, progress.UnitsExpected);
        Assert.Equal(4, progress.MissingUnits.Count);
    }

    [Fact]
    public void Units_are_on_time_late_rejected_only_or_missing_against_the_deadline_boundary()
    {
        var rejectedAt = Deadline.AddDays(-3);
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", Deadline.AddTicks(-1), Row("GT", Q3, National, 10))
            .Accepted("HN", Deadline, Row("HN", Q3, National, 10))
            .Rejected("BZ", rejectedAt.AddDays(-1))
            .Rejected("BZ", rejectedAt));

        Assert.Equal(Deadline, progress.Dates.Deadline);
        Assert.Equal(new DateOnly(2021, 10, 30), progress.LastDayToSend);
        var byUnit = progress.Units.ToDictionary(u => u.Unit.Code);
        Assert.Equal(SubmissionTimeliness.OnTime, byUnit["GT"].Timeliness);
        Assert.Equal(Deadline.AddTicks(-1), byUnit["GT"].CurrentUploadedAt);
        Assert.Equal(SubmissionTimeliness.Late, byUnit["HN"].Timeliness);
        Assert.Equal(Deadline, byUnit["HN"].FirstAcceptedAt);
        Assert.Equal(SubmissionTimeliness.RejectedOnly, byUnit["BZ"].Timeliness);
        Assert.Equal(rejectedAt, byUnit["BZ"].LastUploadAt);
        Assert.Equal(2, byUnit["BZ"].RejectedUploads);
        Assert.Null(byUnit["BZ"].CurrentUploadedAt);
        Assert.Equal(SubmissionTimeliness.Missing, byUnit["ST"].Timeliness);
        Assert.Null(byUnit["ST"].LastUploadAt);
        Assert.Equal(2, progress.UnitsReported);
        Assert.Equal(["GT", "HN"], progress.ReportedUnits.Select(u => u.Unit.Code));
        Assert.Equal(["BZ", "ST"], progress.MissingUnits.Select(u => u.Unit.Code));
    }

    [Fact]
    public void A_late_correction_does_not_make_an_on_time_unit_late()
    {
        var first = Deadline.AddDays(-2);
        var correction = Deadline.AddDays(5);
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", first, Row("GT", Q3, National, 10))
            .Accepted("GT", correction, Row("GT", Q3, National, 30)));

        var gt = progress.Units.Single(u => u.Unit.Code == "GT");
        Assert.Equal(SubmissionTimeliness.OnTime, gt.Timeliness);
        Assert.Equal(first, gt.FirstAcceptedAt);
        Assert.Equal(correction, gt.CurrentUploadedAt);
        Assert.Equal(30, For(progress, National).RegionalEjecutado);
    }

    [Fact]
    public void Change_is_like_for_like_over_the_units_that_reported_in_both_quarters()
    {
        // Q2: three countries; Q3: Belize did not report. The naive difference of regional means (60 − 30 = 30)
        // would count Belize's absence as progress; like for like, Guatemala +20 and Honduras +30: +25 over 2 units.
        var progress = Calculate(
            new SnapshotBuilder(Q3).Accepted("GT", OnTime, Row("GT", Q3, National, 50)).Accepted("HN", OnTime, Row("HN", Q3, National, 70)),
            new SnapshotBuilder(Q2).Accepted("GT", OnTime, Row("GT", Q2, National, 30)).Accepted("HN", OnTime, Row("HN", Q2, National, 40))
                .Accepted("BZ", OnTime, Row("BZ", Q2, National, 20)));

        Assert.Equal(Q2, progress.ComparedWith);
        var national = For(progress, National);
        Assert.Equal(30, national.PreviousRegionalEjecutado);
        Assert.Equal(new ActivityChange(2, 25), national.Change);
        Assert.Equal(25, national.Delta);
        Assert.Null(For(progress, Shared).Change);
    }

    [Fact]
    public void Change_leaves_out_units_that_marked_no_aplica_or_left_the_cell_blank_in_either_quarter_and_is_blank_when_none_remain()
    {
        var progress = Calculate(
            new SnapshotBuilder(Q3)
                .Accepted("GT", OnTime, Row("GT", Q3, National, 50), Row("GT", Q3, National2, 40))
                .Accepted("HN", OnTime, Row("HN", Q3, National, 70), Row("HN", Q3, National2, null))
                .Accepted("BZ", OnTime, Row("BZ", Q3, National, 60)),
            new SnapshotBuilder(Q2)
                .Accepted("GT", OnTime, Row("GT", Q2, National, 30), Row("GT", Q2, National2, null))
                .Accepted("HN", OnTime, Row("HN", Q2, National, 40, status: "NotApplicable"), Row("HN", Q2, National2, 10))
                .Accepted("BZ", OnTime, Row("BZ", Q2, National, 45)));

        Assert.Equal(new ActivityChange(2, (20 + 15) / 2.0), For(progress, National).Change);
        Assert.Null(For(progress, National2).Change);
        Assert.Null(For(progress, National2).Delta);
    }

    [Fact]
    public void Change_is_empty_across_years_because_ejecutado_restarts_each_year()
    {
        var q1 = new ReportingPeriod(2022, 1);
        var q4 = new ReportingPeriod(2021, 4);
        var progress = Calculate(
            new SnapshotBuilder(q1).Accepted("GT", OnTime, Row("GT", q1, National, 10)),
            new SnapshotBuilder(q4).Accepted("GT", OnTime, Row("GT", q4, National, 90)));

        Assert.Null(progress.ComparedWith);
        Assert.Null(For(progress, National).PreviousRegionalEjecutado);
        Assert.Null(For(progress, National).Change);
    }

    [Fact]
    public void A_units_activities_reported_count_only_those_programmed_for_the_year_less_those_it_marks_no_aplica()
    {
        // Guatemala's part: National (50), Shared (100), NotPlannedIn2021 (nothing in 2021), National2 (60).
        var progress = Calculate(new SnapshotBuilder(Q3)
            .Accepted("GT", OnTime, Row("GT", Q3, National, 10), Row("GT", Q3, Shared, null, status: "NotApplicable"),
                Row("GT", Q3, NotPlannedIn2021, 30), Row("GT", Q3, National2, 20)));

        var gt = progress.Units.Single(u => u.Unit.Code == "GT");
        // Everything it had to report, it reported: 2 of 2, with 1 "no aplica"; the unprogrammed activity is not expected.
        Assert.Equal((2, 2, 1), (gt.ActivitiesReported, gt.ActivitiesExpected, gt.ActivitiesNotApplicable));
        var st = progress.Units.Single(u => u.Unit.Code == "ST");
        Assert.Equal((0, 2), (st.ActivitiesReported, st.ActivitiesExpected));
    }
}
