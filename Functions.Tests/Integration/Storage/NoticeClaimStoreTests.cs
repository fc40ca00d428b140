using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Storage;

/// <summary>The result mail's claim and mark on a history entry, and history writes that never erase them.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class NoticeClaimStoreTests(AzuriteFixture azurite)
{
    private const string Partition = "2021-Q3|GT";
    private static readonly DateTimeOffset T0 = new(2021, 10, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private static SubmissionEntity Entry(string id, string status = nameof(SubmissionStatus.Pending)) => new()
    {
        PartitionKey = Partition, RowKey = id, Unit = "GT", Period = "2021-Q3", UploadedAt = T0, ContentHash = id, Status = status,
        FocalPointEmail = "punto.focal@gt.example.org",
    };

    [Fact]
    public async Task Of_racing_claims_exactly_one_wins()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.AddPendingOrGetAsync(Entry("aaa"), default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => store.TryClaimNoticeAsync(Partition, "aaa", $"run-{i}", T0, Lease, default))));

        Assert.Single(claims, c => c.Outcome == NoticeClaimOutcome.Claimed);
        Assert.All(claims.Where(c => c.Outcome != NoticeClaimOutcome.Claimed), c => Assert.Equal(NoticeClaimOutcome.HeldElsewhere, c.Outcome));
    }

    [Fact]
    public async Task A_claim_is_held_for_its_lease_then_taken_over_and_a_released_one_is_free_at_once()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.AddPendingOrGetAsync(Entry("aaa"), default);
        await store.TryClaimNoticeAsync(Partition, "aaa", "first", T0, Lease, default);

        var during = await store.TryClaimNoticeAsync(Partition, "aaa", "second", T0 + Lease - TimeSpan.FromSeconds(1), Lease, default);
        var after = await store.TryClaimNoticeAsync(Partition, "aaa", "second", T0 + Lease, Lease, default);
        await store.ReleaseNoticeAsync(Partition, "aaa", "first", default); // not the holder any more: no effect
        var stillSecond = await store.TryClaimNoticeAsync(Partition, "aaa", "third", T0 + Lease, Lease, default);
        await store.ReleaseNoticeAsync(Partition, "aaa", "second", default);
        var released = await store.TryClaimNoticeAsync(Partition, "aaa", "third", T0 + Lease, Lease, default);

        Assert.Equal((NoticeClaimOutcome.HeldElsewhere, "first", T0), (during.Outcome, during.Holder, during.ClaimedAt));
        Assert.Equal(NoticeClaimOutcome.Claimed, after.Outcome);
        Assert.Equal((NoticeClaimOutcome.HeldElsewhere, "second"), (stillSecond.Outcome, stillSecond.Holder));
        Assert.Equal(NoticeClaimOutcome.Claimed, released.Outcome);
    }

    [Fact]
    public async Task A_marked_entry_is_never_claimed_again_and_a_missing_one_is_reported()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.AddPendingOrGetAsync(Entry("aaa"), default);
        await store.MarkNotifiedAsync(Partition, "aaa", T0, default);

        Assert.Equal(NoticeClaimOutcome.AlreadyNotified, (await store.TryClaimNoticeAsync(Partition, "aaa", "late", T0.AddDays(1), Lease, default)).Outcome);
        Assert.Equal(NoticeClaimOutcome.Missing, (await store.TryClaimNoticeAsync(Partition, "zzz", "any", T0, Lease, default)).Outcome);
    }

    [Fact]
    public async Task A_stale_rewrite_of_a_rejected_entry_keeps_the_mark_and_the_claim_another_run_made()
    {
        var store = new TestStorage(azurite).Submissions();
        var stale = Entry("aaa", nameof(SubmissionStatus.Rejected));
        await store.UpsertAsync(stale, default);
        await store.TryClaimNoticeAsync(Partition, "aaa", "winner", T0, Lease, default);
        await store.MarkNotifiedAsync(Partition, "aaa", T0.AddSeconds(2), default);

        // The loser read the entry before the winner marked it, and writes what it read.
        stale.ErrorCount = 3;
        await store.UpsertAsync(stale, default);

        var entry = (await store.GetAsync(Partition, "aaa", default))!;
        Assert.Equal(T0.AddSeconds(2), entry.NotifiedAt);
        Assert.Equal(("winner", T0), (entry.NoticeClaimedBy, entry.NoticeClaimedAt));
        Assert.Equal(3, entry.ErrorCount);
        Assert.Equal(SubmissionStatus.Rejected, entry.StatusValue);
    }

    [Fact]
    public async Task Promotions_keep_the_mark_whether_the_entry_becomes_current_is_already_current_or_is_older()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.AddPendingOrGetAsync(Entry("bbb"), default);
        await store.MarkNotifiedAsync(Partition, "bbb", T0, default);

        var newer = Entry("bbb");
        newer.UploadedAt = T0.AddMinutes(5);
        await store.PromoteAsync(newer, default);                            // becomes current
        await store.PromoteAsync(Entry("bbb"), default);                     // already current (a stale copy)
        await store.AddPendingOrGetAsync(Entry("aaa"), default);
        await store.MarkNotifiedAsync(Partition, "aaa", T0.AddSeconds(1), default);
        await store.PromoteAsync(Entry("aaa"), default);                     // older than current

        var bbb = (await store.GetAsync(Partition, "bbb", default))!;
        var aaa = (await store.GetAsync(Partition, "aaa", default))!;
        Assert.Equal((SubmissionStatus.Current, (DateTimeOffset?)T0), (bbb.StatusValue, bbb.NotifiedAt));
        Assert.Equal((SubmissionStatus.Superseded, (DateTimeOffset?)T0.AddSeconds(1), "bbb"), (aaa.StatusValue, aaa.NotifiedAt, aaa.SupersededBy));
    }

    [Fact]
    public async Task An_entry_superseded_once_and_current_again_no_longer_says_what_superseded_it()
    {
        var store = new TestStorage(azurite).Submissions();
        await store.PromoteAsync(Entry("aaa"), default);
        var bbb = Entry("bbb");
        bbb.UploadedAt = T0.AddMinutes(5);
        await store.PromoteAsync(bbb, default);
        Assert.Equal("bbb", (await store.GetAsync(Partition, "aaa", default))!.SupersededBy);

        // The same content uploaded again later: history writes are merges, so "superseded by nobody" is written out.
        var again = Entry("aaa");
        again.UploadedAt = T0.AddMinutes(10);
        await store.PromoteAsync(again, default);

        var aaa = (await store.GetAsync(Partition, "aaa", default))!;
        Assert.Equal(SubmissionStatus.Current, aaa.StatusValue);
        Assert.True(string.IsNullOrEmpty(aaa.SupersededBy), aaa.SupersededBy);
        Assert.Equal("bbb", aaa.Supersedes);
    }
}
