using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Storage;

/// <summary>
/// The record as of an instant (<see cref="SubmissionHistoryAsOf"/>): each unit's latest accepted arrival at or before
/// it, by arrival (not processing) order; rejected arrivals never count; the first and latest arrival of entries older
/// than the arrival log stand in for it.
/// </summary>
public sealed class SubmissionHistoryAsOfTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    private static readonly string Partition = TableKeys.Partition(Q3, "GT");

    private static DateTimeOffset Oct(int day) => new(2021, 10, day, 12, 0, 0, TimeSpan.Zero);

    private static SubmissionEntity Entry(string id, SubmissionStatus status, DateTimeOffset first, DateTimeOffset? last = null) => new()
    {
        PartitionKey = Partition, RowKey = id, Unit = "GT", Period = Q3.ToString(), Status = status.ToString(), UploadedAt = first,
        LastUploadedAt = last, FileName = $"{id}.xlsx", SentName = $"informe {id}.xlsx", RowCount = 15, ProcessedAt = (last ?? first).AddMinutes(5),
    };

    private static ArrivalEntity Arrival(string id, DateTimeOffset at, bool accepted, string codes = "") => new()
    {
        PartitionKey = Partition, RowKey = ArrivalEntity.RowKeyOf(at, id), Unit = "GT", Period = Q3.ToString(), SubmissionId = id,
        ArrivedAt = at, Accepted = accepted, ErrorCodes = codes, ErrorCount = accepted ? 0 : 1, FileName = $"{id}-arrival.xlsx",
        SentName = $"informe {id}-arrival.xlsx",
    };

    private static PeriodSubmissions At(DateTimeOffset instant, IReadOnlyList<SubmissionEntity> history, params ArrivalEntity[] arrivals) =>
        SubmissionHistoryAsOf.At(new PeriodSubmissions(Q3, history, []), arrivals, instant);

    [Fact]
    public void Three_versions_each_instant_names_the_latest_arrived_by_then_whatever_the_processing_order()
    {
        // b arrived second but was processed last (kept superseded against c's pointer): arrival order decides.
        SubmissionEntity[] history = [Entry("a", SubmissionStatus.Superseded, Oct(1)), Entry("b", SubmissionStatus.Superseded, Oct(5)),
            Entry("c", SubmissionStatus.Current, Oct(9))];
        ArrivalEntity[] log = [Arrival("a", Oct(1), true), Arrival("b", Oct(5), true), Arrival("c", Oct(9), true)];

        Assert.Empty(At(Oct(1).AddTicks(-1), history, log).Pointers);
        Assert.Empty(At(Oct(1).AddTicks(-1), history, log).History);
        Assert.Equal("a", At(Oct(1), history, log).PointerFor("GT")!.SubmissionId);
        Assert.Equal("a", At(Oct(4), history, log).PointerFor("GT")!.SubmissionId);
        var between = At(Oct(6), history, log);
        Assert.Equal("b", between.PointerFor("GT")!.SubmissionId);
        Assert.Equal(["a Superseded by b", "b Current by "], between.History.OrderBy(h => h.RowKey).Select(h => $"{h.RowKey} {h.Status} by {h.SupersededBy}"));
        Assert.Equal("a", between.CurrentFor("GT")!.Supersedes);
        Assert.Equal("c", At(Oct(20), history, log).PointerFor("GT")!.SubmissionId);
    }

    [Fact]
    public void An_earlier_version_uploaded_again_is_current_from_its_new_arrival()
    {
        SubmissionEntity[] history = [Entry("a", SubmissionStatus.Current, Oct(1), Oct(7)), Entry("b", SubmissionStatus.Superseded, Oct(5))];
        ArrivalEntity[] log = [Arrival("a", Oct(1), true), Arrival("a", Oct(3), true), Arrival("b", Oct(5), true), Arrival("a", Oct(7), true)];

        Assert.Equal("a", At(Oct(4), history, log).PointerFor("GT")!.SubmissionId);
        Assert.Equal("b", At(Oct(6), history, log).PointerFor("GT")!.SubmissionId);
        var after = At(Oct(8), history, log);
        Assert.Equal(("a", Oct(7)), (after.PointerFor("GT")!.SubmissionId, after.PointerFor("GT")!.UploadedAt));
        Assert.Equal((Oct(1), (DateTimeOffset?)Oct(7)), (after.CurrentFor("GT")!.UploadedAt, after.CurrentFor("GT")!.LastUploadedAt));
    }

    [Fact]
    public void A_sheet_refused_while_the_quarter_was_locked_never_counts_even_when_the_same_content_is_accepted_later()
    {
        // "x" arrived on the 10th (locked: refused), the quarter was reopened, and it arrived again on the 12th (accepted).
        SubmissionEntity[] history = [Entry("a", SubmissionStatus.Superseded, Oct(1)), Entry("x", SubmissionStatus.Current, Oct(12))];
        ArrivalEntity[] log = [Arrival("a", Oct(1), true), Arrival("x", Oct(10), false, "PERIOD_LOCKED"), Arrival("x", Oct(12), true)];

        var refused = At(Oct(11), history, log);
        Assert.Equal("a", refused.PointerFor("GT")!.SubmissionId);
        var x = refused.History.Single(h => h.RowKey == "x");
        Assert.Equal((SubmissionStatus.Rejected, Oct(10), 0, 1, "x-arrival.xlsx"), (x.StatusValue, x.UploadedAt, x.RowCount, x.ErrorCount, x.FileName));
        // Named as that arrival was sent, not as the later accepted one: both names come from one arrival.
        Assert.Equal("informe x-arrival.xlsx", x.SentName);
        Assert.Equal("x", At(Oct(12), history, log).PointerFor("GT")!.SubmissionId);
        Assert.Equal(Oct(12), At(Oct(12), history, log).CurrentFor("GT")!.UploadedAt);
    }

    [Fact]
    public void A_refused_arrival_logged_before_sent_names_were_kept_is_shown_under_its_stored_name_only()
    {
        SubmissionEntity[] history = [Entry("x", SubmissionStatus.Current, Oct(12))];
        var old = Arrival("x", Oct(10), false, "PERIOD_LOCKED");
        old.SentName = null;

        var x = At(Oct(11), history, old, Arrival("x", Oct(12), true)).History.Single();

        Assert.Equal(("x-arrival.xlsx", (string?)null), (x.FileName, x.SentName));
    }

    [Fact]
    public void An_accepted_content_refused_on_a_later_arrival_keeps_its_accepted_arrival_only()
    {
        SubmissionEntity[] history = [Entry("a", SubmissionStatus.Superseded, Oct(1)), Entry("b", SubmissionStatus.Current, Oct(5))];
        ArrivalEntity[] log = [Arrival("a", Oct(1), true), Arrival("b", Oct(5), true), Arrival("a", Oct(9), false, "PERIOD_LOCKED")];

        Assert.Equal("b", At(Oct(20), history, log).PointerFor("GT")!.SubmissionId);
    }

    [Fact]
    public void Entries_older_than_the_arrival_log_use_their_first_and_latest_arrival_and_pending_ones_never_count()
    {
        SubmissionEntity[] history = [Entry("a", SubmissionStatus.Superseded, Oct(1)), Entry("b", SubmissionStatus.Current, Oct(5)),
            Entry("r", SubmissionStatus.Rejected, Oct(6)), Entry("p", SubmissionStatus.Pending, Oct(7))];

        var at = At(Oct(8), history);
        Assert.Equal("b", at.PointerFor("GT")!.SubmissionId);
        Assert.Equal(SubmissionStatus.Rejected, at.History.Single(h => h.RowKey == "r").StatusValue);
        Assert.Equal(SubmissionStatus.Pending, at.History.Single(h => h.RowKey == "p").StatusValue);
        Assert.Equal("a", At(Oct(2), history).PointerFor("GT")!.SubmissionId);
    }

    [Fact]
    public void An_exact_tie_of_arrivals_is_broken_by_the_submission_id_as_the_pointer_does()
    {
        SubmissionEntity[] history = [Entry("a", SubmissionStatus.Superseded, Oct(1)), Entry("b", SubmissionStatus.Current, Oct(1))];

        Assert.Equal("b", At(Oct(1), history).PointerFor("GT")!.SubmissionId);
    }
}
