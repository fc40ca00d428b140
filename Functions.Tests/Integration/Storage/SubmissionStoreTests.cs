using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Storage;

[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class SubmissionStoreTests(AzuriteFixture azurite)
{
    private const string Partition = "2021-Q3|GT";
    private static readonly DateTimeOffset T0 = new(2021, 10, 5, 12, 0, 0, TimeSpan.Zero);

    private static SubmissionEntity Submission(string id, DateTimeOffset uploadedAt) => new()
    {
        PartitionKey = Partition,
        RowKey = id,
        Unit = "GT",
        Period = "2021-Q3",
        UploadedAt = uploadedAt,
        ContentHash = id,
    };

    [Fact]
    public async Task First_accepted_submission_becomes_current()
    {
        var store = new TestStorage(azurite).Submissions();

        var result = await store.PromoteAsync(Submission("aaa", T0), default);

        Assert.Equal(PromotionOutcome.BecameCurrent, result.Outcome);
        Assert.Equal("aaa", (await store.GetPointerAsync(Partition, default))!.SubmissionId);
        Assert.Equal(SubmissionStatus.Current, (await store.GetAsync(Partition, "aaa", default))!.StatusValue);
    }

    [Fact]
    public async Task Newer_upload_supersedes_and_history_links_both_ways()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.PromoteAsync(Submission("aaa", T0), default);

        var result = await store.PromoteAsync(Submission("bbb", T0.AddMinutes(5)), default);

        Assert.Equal(PromotionOutcome.BecameCurrent, result.Outcome);
        Assert.Equal("aaa", result.Previous);
        var old = await store.GetAsync(Partition, "aaa", default);
        Assert.Equal(SubmissionStatus.Superseded, old!.StatusValue);
        Assert.Equal("bbb", old.SupersededBy);
        Assert.Equal("aaa", (await store.GetAsync(Partition, "bbb", default))!.Supersedes);
    }

    [Fact]
    public async Task Older_upload_processed_late_does_not_replace_the_newer_one()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.PromoteAsync(Submission("new", T0.AddMinutes(5)), default);

        var result = await store.PromoteAsync(Submission("old", T0), default);

        Assert.Equal(PromotionOutcome.OlderThanCurrent, result.Outcome);
        Assert.Equal("new", (await store.GetPointerAsync(Partition, default))!.SubmissionId);
        var old = await store.GetAsync(Partition, "old", default);
        Assert.Equal(SubmissionStatus.Superseded, old!.StatusValue);
        Assert.Equal("new", old.SupersededBy);
    }

    [Fact]
    public async Task Same_submission_promoted_twice_is_reported_as_already_current()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.PromoteAsync(Submission("aaa", T0), default);

        var again = await store.PromoteAsync(Submission("aaa", T0), default);

        Assert.Equal(PromotionOutcome.AlreadyCurrent, again.Outcome);
    }

    [Fact]
    public async Task Racing_promotions_always_end_with_the_newest_current()
    {
        var storage = new TestStorage(azurite);
        var uploads = Enumerable.Range(0, 8).Select(i => Submission($"s{i}", T0.AddSeconds(i))).ToList();

        // Each promotion on its own store instance, all at once, in a shuffled order.
        var shuffled = uploads.OrderBy(_ => Random.Shared.Next()).ToList();
        await Task.WhenAll(shuffled.Select(u => Task.Run(() => storage.Submissions().PromoteAsync(u, default))));

        var store = storage.Submissions();
        Assert.Equal("s7", (await store.GetPointerAsync(Partition, default))!.SubmissionId);
        var period = await store.ListPeriodAsync(Core.Plan.ReportingPeriod.Parse("2021-Q3"), default);
        Assert.Single(period.History, h => h.StatusValue == SubmissionStatus.Current);
        Assert.Equal(7, period.History.Count(h => h.StatusValue == SubmissionStatus.Superseded));
        Assert.Equal("s7", period.CurrentFor("GT")!.RowKey);
    }

    [Fact]
    public async Task A_pointer_read_before_another_promotion_costs_a_retry_not_a_wrong_result()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.PromoteAsync(Submission("aaa", T0), default);
        var stale = await store.GetPointerAsync(Partition, default); // read early, as the ingestor does
        await store.PromoteAsync(Submission("bbb", T0.AddMinutes(5)), default);

        var result = await store.PromoteAsync(Submission("ccc", T0.AddMinutes(10)), stale, default);

        Assert.Equal(PromotionOutcome.BecameCurrent, result.Outcome);
        Assert.Equal("bbb", result.Previous); // the ETag check refused "aaa" as the one replaced
        Assert.Equal("ccc", (await store.GetPointerAsync(Partition, default))!.SubmissionId);
        Assert.Equal("ccc", (await store.GetAsync(Partition, "bbb", default))!.SupersededBy);
        Assert.Equal("bbb", (await store.GetAsync(Partition, "aaa", default))!.SupersededBy);
    }

    [Fact]
    public async Task A_stale_pointer_naming_the_submission_itself_is_checked_before_it_is_recorded_current()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.PromoteAsync(Submission("aaa", T0), default);
        var stale = await store.GetPointerAsync(Partition, default); // says "aaa" is current…
        await store.PromoteAsync(Submission("bbb", T0.AddMinutes(5)), default); // …which it no longer is

        var redelivered = await store.PromoteAsync(Submission("aaa", T0), stale, default);

        Assert.Equal(PromotionOutcome.OlderThanCurrent, redelivered.Outcome);
        Assert.Equal("bbb", (await store.GetPointerAsync(Partition, default))!.SubmissionId);
        var history = await store.ListPeriodAsync(Core.Plan.ReportingPeriod.Parse("2021-Q3"), default);
        Assert.Equal("bbb", Assert.Single(history.History, h => h.StatusValue == SubmissionStatus.Current).RowKey);
        Assert.Equal(SubmissionStatus.Superseded, (await store.GetAsync(Partition, "aaa", default))!.StatusValue);
    }

    [Fact]
    public async Task A_pending_entry_is_added_once_and_never_clobbers_the_history()
    {
        var store = new TestStorage(azurite).Submissions();

        Assert.Null(await store.AddPendingOrGetAsync(Submission("aaa", T0), default));
        await store.PromoteAsync(Submission("aaa", T0), default);
        var existing = await store.AddPendingOrGetAsync(Submission("aaa", T0), default);

        Assert.Equal(SubmissionStatus.Current, existing!.StatusValue);
        Assert.Equal(SubmissionStatus.Current, (await store.GetAsync(Partition, "aaa", default))!.StatusValue);
    }
}
