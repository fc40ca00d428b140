using Azure.Storage.Blobs;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>
/// The order of uploads is the order they arrived, to the blob version id's 100 ns (Azurite's responses get the
/// header Azure sends, see <see cref="BlobVersionIdPolicy"/>), and an earlier content uploaded again is a new arrival
/// that never rewrites when it first arrived.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ArrivalOrderTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private const string Partition = "2021-Q3|GT";
    private const string Code = "1.1.1.3";
    private readonly string _outbox = Directory.CreateTempSubdirectory("arrival-outbox").FullName;

    // Built once: a workbook saved again is other bytes (its saved-at time), hence another submission.
    private readonly byte[] _first = FilledSheet.Complete("GT", Period).Ejecutado(Code, 60).Status(Code, ActivityStatus.InProgress).Build();
    private readonly byte[] _second = FilledSheet.Complete("GT", Period).Build();

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private byte[] First() => _first;

    private byte[] Second() => _second;

    private IngestionHost Host() => new(new TestStorage(azurite, versionIds: true), _outbox);

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Two_uploads_within_one_second_end_in_the_order_they_arrived(bool swapContents, bool processLatestFirst)
    {
        // Both contents arrive last in one case or the other, so a tie broken by content hash is wrong in one of them.
        using var host = Host();
        var (earlierContent, laterContent) = swapContents ? (Second(), First()) : (First(), Second());
        var (earlier, later) = await UploadWithinOneSecondAsync(host, earlierContent, laterContent);

        IngestionOutcome earlierOutcome, laterOutcome;
        if (processLatestFirst)
        {
            laterOutcome = (await host.IngestAsync(later)).Outcome;
            earlierOutcome = (await host.IngestAsync(earlier)).Outcome;
        }
        else
        {
            earlierOutcome = (await host.IngestAsync(earlier)).Outcome;
            laterOutcome = (await host.IngestAsync(later)).Outcome;
        }

        var laterId = Sha256(laterContent);
        Assert.Equal((processLatestFirst ? IngestionOutcome.Superseded : IngestionOutcome.Accepted, IngestionOutcome.Accepted), (earlierOutcome, laterOutcome));
        Assert.Equal(laterId, (await host.Submissions.GetPointerAsync(Partition, default))!.SubmissionId);
        var history = (await HistoryAsync(host, Period)).ToDictionary(h => h.RowKey);
        Assert.Equal(SubmissionStatus.Superseded, history[Sha256(earlierContent)].StatusValue);
        Assert.Equal(laterId, history[Sha256(earlierContent)].SupersededBy);
        // Stored to the version id's 100 ns, inside the one second both Last-Modified share.
        Assert.Equal(await ArrivalAsync(earlier), history[Sha256(earlierContent)].UploadedAt);
        Assert.Equal(await ArrivalAsync(later), history[laterId].UploadedAt);
        Assert.True(history[laterId].UploadedAt - history[Sha256(earlierContent)].UploadedAt < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_superseded_content_uploaded_again_becomes_current_and_keeps_its_first_upload_time()
    {
        using var host = Host();
        var first = await host.UploadAsync($"GT/{Period}/informe.xlsx", First());
        var second = await host.UploadAsync($"GT/{Period}/informe-v2.xlsx", Second());
        var again = await host.UploadAsync($"GT/{Period}/informe-v1-otra-vez.xlsx", First());

        Assert.Equal(IngestionOutcome.Accepted, (await host.IngestAsync(first)).Outcome);
        Assert.Equal(IngestionOutcome.Accepted, (await host.IngestAsync(second)).Outcome);
        var result = await host.IngestAsync(again);

        Assert.Equal(IngestionOutcome.Accepted, result.Outcome);
        Assert.Equal(Sha256(First()), (await host.Submissions.GetPointerAsync(Partition, default))!.SubmissionId);
        var reuploaded = (await host.Submissions.GetAsync(Partition, Sha256(First()), default))!;
        Assert.Equal(SubmissionStatus.Current, reuploaded.StatusValue);
        Assert.Equal(await ArrivalAsync(first), reuploaded.UploadedAt);
        Assert.Equal(await ArrivalAsync(again), reuploaded.LastUploadedAt);
        Assert.Equal(Sha256(Second()), reuploaded.Supersedes);
        var stored = (await host.AllAsync(l => l.SubmissionsTable)).Single(e => e.RowKey == Sha256(First()));
        Assert.Equal(await ArrivalAsync(again), stored.GetDateTimeOffset(nameof(SubmissionEntity.LastUploadedAt)));
        Assert.False(stored.ContainsKey(nameof(SubmissionEntity.LatestArrival)), "derived, not stored");
        var replaced = (await host.Submissions.GetAsync(Partition, Sha256(Second()), default))!;
        Assert.Equal((SubmissionStatus.Superseded, Sha256(First())), (replaced.StatusValue, replaced.SupersededBy));
        Assert.Equal(OlderFigure(), (await CurrentAsync(host, "GT", Period)).Single(a => a.Code == Code).Ejecutado);

        // Timeliness is judged on the first arrival of any accepted content: the re-upload did not move it.
        var status = await StatusAsync(host);
        Assert.Equal(await ArrivalAsync(first), status.FirstAcceptedAt);
        Assert.Equal(await ArrivalAsync(again), status.CurrentUploadedAt);
        Assert.Equal(await ArrivalAsync(again), status.LastUploadAt);
    }

    [Theory]
    [InlineData("in arrival order")]
    [InlineData("re-upload before the upload in between")]
    public async Task The_current_content_uploaded_again_later_outranks_an_upload_that_arrived_in_between(string order)
    {
        using var host = Host();
        var first = await host.UploadAsync($"GT/{Period}/informe.xlsx", First());
        var between = await host.UploadAsync($"GT/{Period}/informe-v2.xlsx", Second());
        var again = await host.UploadAsync($"GT/{Period}/informe-v1-otra-vez.xlsx", First());

        await host.IngestAsync(first);
        if (order == "in arrival order")
        {
            Assert.Equal(IngestionOutcome.Accepted, (await host.IngestAsync(between)).Outcome);
            Assert.Equal(IngestionOutcome.Accepted, (await host.IngestAsync(again)).Outcome);
        }
        else
        {
            // The re-upload finds its content current already: it only moves the pointer's arrival time.
            Assert.Equal(IngestionOutcome.Duplicate, (await host.IngestAsync(again)).Outcome);
            Assert.Equal(IngestionOutcome.Superseded, (await host.IngestAsync(between)).Outcome);
        }

        var pointer = (await host.Submissions.GetPointerAsync(Partition, default))!;
        Assert.Equal(Sha256(First()), pointer.SubmissionId);
        Assert.Equal(await ArrivalAsync(again), pointer.UploadedAt);
        var history = (await HistoryAsync(host, Period)).ToDictionary(h => h.RowKey);
        Assert.Equal(2, history.Count);
        Assert.Equal((await ArrivalAsync(first), await ArrivalAsync(again)), (history[Sha256(First())].UploadedAt, history[Sha256(First())].LastUploadedAt));
        Assert.Equal(SubmissionStatus.Superseded, history[Sha256(Second())].StatusValue);
    }

    [Fact]
    public async Task Delivering_the_same_upload_again_records_no_new_arrival()
    {
        using var host = Host();
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", First());

        await host.IngestAsync(blob);
        var again = await host.IngestAsync(blob);

        Assert.Equal(IngestionOutcome.Duplicate, again.Outcome);
        var entry = (await host.Submissions.GetAsync(Partition, Sha256(First()), default))!;
        Assert.Equal((await ArrivalAsync(blob), (DateTimeOffset?)null), (entry.UploadedAt, entry.LastUploadedAt));
    }

    [Fact]
    public async Task Without_version_ids_the_arrival_is_the_last_modified_second()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox);
        var blob = await host.UploadAsync($"GT/{Period}/informe.xlsx", First());

        await host.IngestAsync(blob);

        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Null(properties.VersionId);
        Assert.Equal(properties.LastModified, (await host.Submissions.GetAsync(Partition, Sha256(First()), default))!.UploadedAt);
    }

    private static decimal OlderFigure() => 60m;

    /// <summary>
    /// Uploads two files whose Last-Modified falls in the same second (retrying on the rare pair that straddles a second
    /// boundary), the first strictly before the second.
    /// </summary>
    private static async Task<(BlobClient Earlier, BlobClient Later)> UploadWithinOneSecondAsync(IngestionHost host, byte[] earlier, byte[] later)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var untilFreshSecond = 1000 - DateTimeOffset.UtcNow.Millisecond;
            if (untilFreshSecond < 500) await Task.Delay(untilFreshSecond + 20);
            var a = await host.UploadAsync($"GT/{Period}/informe-{attempt}.xlsx", earlier);
            var b = await host.UploadAsync($"GT/{Period}/informe-corregido-{attempt}.xlsx", later);
            var (aProperties, bProperties) = ((await a.GetPropertiesAsync()).Value, (await b.GetPropertiesAsync()).Value);
            if (aProperties.LastModified == bProperties.LastModified)
            {
                Assert.True(string.CompareOrdinal(aProperties.VersionId, bProperties.VersionId) < 0);
                return (a, b);
            }
        }
        throw new InvalidOperationException("Could not upload two files within one second in five attempts.");
    }

    private static async Task<DateTimeOffset> ArrivalAsync(BlobClient blob)
    {
        var properties = (await blob.GetPropertiesAsync()).Value;
        return UploadArrival.Of(properties.VersionId, properties.LastModified);
    }

    private static async Task<UnitSubmissionStatus> StatusAsync(IngestionHost host)
    {
        var period = ReportingPeriod.Parse(Period);
        var submissions = await host.Submissions.ListPeriodAsync(period, default);
        var snapshot = new ProgressSnapshot(period, submissions, new Dictionary<string, IReadOnlyList<ProgressRow>>());
        var progress = new RegionalProgressCalculator().Calculate(RealPlan.Catalog, RealPlan.Units, snapshot, null, new ReportingOptions());
        return progress.Units.Single(u => u.Unit.Code == "GT");
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
