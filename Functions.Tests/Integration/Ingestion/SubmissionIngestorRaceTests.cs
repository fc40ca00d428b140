using Azure;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>
/// Exactly once in effect: racing uploads of the same unit and period end with the newest current in any order, and
/// a storage failure in the middle of a merge leaves readers on the old values until a retry completes it.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class SubmissionIngestorRaceTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private const string Partition = "2021-Q3|GT";
    private const string Code = "1.1.1.3"; // 90 % programado in 2021
    private readonly string _outbox = Directory.CreateTempSubdirectory("ingest-race-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    /// <summary>Two versions of Guatemala's Q3 sheet that differ in one figure.</summary>
    private static (FilledSheet Older, FilledSheet Newer) Versions() => (
        FilledSheet.Complete("GT", Period).Ejecutado(Code, 60).Status(Code, ActivityStatus.InProgress),
        FilledSheet.Complete("GT", Period));

    /// <summary>What the older version typed: the typical rows but for its one figure.</summary>
    private static List<ReportedActivity> OlderRows(FilledSheet older) =>
        older.TypicalRows().Select(r => r.Code == Code ? r with { Ejecutado = 60m, Status = ActivityStatus.InProgress } : r).ToList();

    [Theory]
    [InlineData("older first")]
    [InlineData("newer first")]
    [InlineData("concurrently")]
    public async Task Of_two_uploads_of_the_same_unit_and_period_the_newer_ends_current_in_any_order(string order)
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox);
        var (older, newer) = Versions();
        var olderBlob = await host.UploadAsync($"GT/{Period}/informe.xlsx", older.Build());
        var newerBlob = await host.UploadAfterAsync(olderBlob, $"GT/{Period}/informe-corregido.xlsx", newer.Build());

        var (olderResult, newerResult) = order switch
        {
            "older first" => (await host.IngestAsync(olderBlob), await host.IngestAsync(newerBlob)),
            "newer first" => await NewerFirst(),
            _ => await Both(),
        };

        Assert.Equal(IngestionOutcome.Accepted, newerResult.Outcome);
        // Concurrently, either may reach the pointer first; the older then ends superseded all the same.
        if (order != "concurrently")
            Assert.Equal(order == "older first" ? IngestionOutcome.Accepted : IngestionOutcome.Superseded, olderResult.Outcome);
        Assert.Equal(newerResult.SubmissionId, (await host.Submissions.GetPointerAsync(Partition, default))!.SubmissionId);
        Assert.Equal(newer.TypicalRows(), await CurrentAsync(host, "GT", Period));

        var history = (await HistoryAsync(host, Period)).ToDictionary(h => h.RowKey);
        Assert.Equal(2, history.Count);
        Assert.Equal(SubmissionStatus.Current, history[newerResult.SubmissionId!].StatusValue);
        Assert.Equal(SubmissionStatus.Superseded, history[olderResult.SubmissionId!].StatusValue);
        Assert.Equal(newerResult.SubmissionId, history[olderResult.SubmissionId!].SupersededBy);
        Assert.Equal(2, host.MailsWritten());

        async Task<(IngestionResult, IngestionResult)> NewerFirst()
        {
            var n = await host.IngestAsync(newerBlob);
            return (await host.IngestAsync(olderBlob), n);
        }

        async Task<(IngestionResult, IngestionResult)> Both()
        {
            var o = Task.Run(() => host.IngestAsync(olderBlob));
            var n = Task.Run(() => host.IngestAsync(newerBlob));
            return (await o, await n);
        }
    }

    [Fact]
    public async Task A_superseded_upload_delivered_again_stays_superseded_and_is_mailed_once()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox);
        var (older, newer) = Versions();
        var olderBlob = await host.UploadAsync($"GT/{Period}/informe.xlsx", older.Build());
        var newerBlob = await host.UploadAfterAsync(olderBlob, $"GT/{Period}/informe-corregido.xlsx", newer.Build());
        await host.IngestAsync(newerBlob);
        await host.IngestAsync(olderBlob);

        var again = await host.IngestAsync(olderBlob);

        Assert.Equal(IngestionOutcome.Superseded, again.Outcome);
        Assert.Equal(newer.TypicalRows(), await CurrentAsync(host, "GT", Period));
        Assert.Equal(2, (await HistoryAsync(host, Period)).Count);
        Assert.Equal(2, host.MailsWritten());
    }

    /// <summary>
    /// The rows are written first (one page), then a transaction flips the pointer. Before the commit point, readers keep
    /// the previous values; a flip whose reply was lost is already the new values — complete, never a mix.
    /// </summary>
    [Theory]
    [InlineData(MergeWrite.Rows, false)]
    [InlineData(MergeWrite.Rows, true)]
    [InlineData(MergeWrite.Commit, false)]
    [InlineData(MergeWrite.Commit, true)]
    public async Task Storage_failing_mid_merge_leaves_readers_consistent_and_a_retry_completes_it(MergeWrite write, bool afterCommit)
    {
        var storage = new TestStorage(azurite);
        using var healthy = new IngestionHost(storage, _outbox);
        var (previous, corrected) = Versions();
        var firstBlob = await healthy.UploadAsync($"GT/{Period}/informe.xlsx", previous.Build());
        Assert.Equal(IngestionOutcome.Accepted, (await healthy.IngestAsync(firstBlob)).Outcome);
        var correctedBytes = corrected.Build();
        var secondBlob = await healthy.UploadAfterAsync(firstBlob, $"GT/{Period}/informe-corregido.xlsx", correctedBytes);
        var policy = new FailingMergeWritePolicy(storage.Layout.ProgressTable, write, afterCommit);
        using var failing = new IngestionHost(storage, _outbox, policy);

        await Assert.ThrowsAsync<RequestFailedException>(() => failing.IngestAsync(secondBlob));

        Assert.Equal(1, policy.Failures);
        var committed = write == MergeWrite.Commit && afterCommit;
        Assert.Equal(committed ? corrected.TypicalRows() : OlderRows(previous), await CurrentAsync(healthy, "GT", Period));
        Assert.Equal(1, healthy.MailsWritten() + failing.MailsWritten()); // only the first upload's: nothing told before the commit
        // The interrupted merge leaves a trace in the history: pending until the retry, or already current.
        var interrupted = (await HistoryAsync(healthy, Period)).Single(h => h.RowKey == Sha256(correctedBytes));
        Assert.Equal(committed ? SubmissionStatus.Current : SubmissionStatus.Pending, interrupted.StatusValue);

        var retry = await healthy.IngestAsync(secondBlob);

        Assert.Equal(committed ? IngestionOutcome.Duplicate : IngestionOutcome.Accepted, retry.Outcome);
        Assert.Equal(Sha256(correctedBytes), retry.SubmissionId);
        Assert.Equal(retry.SubmissionId, (await healthy.Submissions.GetPointerAsync(Partition, default))!.SubmissionId);
        Assert.Equal(corrected.TypicalRows(), await CurrentAsync(healthy, "GT", Period));
        var history = await HistoryAsync(healthy, Period);
        Assert.Equal([SubmissionStatus.Current, SubmissionStatus.Superseded],
            history.OrderBy(h => h.RowKey == retry.SubmissionId ? 0 : 1).Select(h => h.StatusValue));
        Assert.Equal(2, (await healthy.AllAsync(l => l.ProgressTable)).Count); // one page per version, none twice
        Assert.Equal(2, healthy.MailsWritten() + failing.MailsWritten());
    }
}
