using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Operations;

/// <summary>
/// Each failure made to happen on Azurite — an upload the trigger never finished, a delivery the host gave up on
/// (poison), an event Event Grid dead-lettered, a result mail whose claim lapsed — named by the status with its code,
/// then brought to its verdict by the replay through the same ingestion, exactly once.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class OperationsStatusTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly string _outbox = Directory.CreateTempSubdirectory("operations-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    /// <summary>What the host writes to its poison queue after the fifth failed attempt.</summary>
    internal static string PoisonMessageOf(TestStorage storage, string blobName) => JsonSerializer.Serialize(new
    {
        FunctionId = "Host.Functions.IngestUpload", BlobType = "BlockBlob", ContainerName = storage.Layout.Uploads, BlobName = blobName, ETag = "\"0x8DC\"",
    });

    /// <summary>What Event Grid writes to its dead-letter container: an array of the events it gave up on.</summary>
    internal static string DeadLetterOf(TestStorage storage, string blobName) => JsonSerializer.Serialize(new[]
    {
        new
        {
            id = Guid.NewGuid().ToString(), eventType = "Microsoft.Storage.BlobCreated", eventTime = DateTimeOffset.UtcNow,
            subject = $"/blobServices/default/containers/{storage.Layout.Uploads}/blobs/{blobName}",
            deadLetterReason = "MaxDeliveryAttemptEventCount", deliveryAttempts = 30, lastDeliveryOutcome = "Probation",
            data = new { api = "PutBlob", url = $"https://account.blob.core.windows.net/{storage.Layout.Uploads}/{blobName}" },
        },
    });

    internal static async Task PoisonAsync(TestStorage storage, string blobName)
    {
        var queue = new QueueClient(storage.ConnectionString, storage.Layout.PoisonQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(PoisonMessageOf(storage, blobName));
    }

    internal static async Task DeadLetterAsync(TestStorage storage, string blobName)
    {
        var container = storage.Blobs.GetBlobContainerClient(storage.Layout.DeadLetters);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"topic/subscription/{DateTime.UtcNow:yyyy/MM/dd/HH}/{Guid.NewGuid()}.json").UploadAsync(BinaryData.FromString(DeadLetterOf(storage, blobName)));
    }

    [Fact]
    public async Task Status_names_each_failure_and_the_replay_brings_every_upload_to_its_verdict_once()
    {
        var storage = new TestStorage(azurite);
        // The status is read 20 minutes after the uploads: past the 15 minutes an upload may take to reach its verdict.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(20));
        using var host = new IngestionHost(storage, _outbox, time: clock);
        var gt = await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build());   // the trigger never ran
        await host.UploadAsync($"SV/{Period}/informe.xlsx", FilledSheet.Complete("SV", Period).Build());            // failed five times
        await PoisonAsync(storage, $"SV/{Period}/informe.xlsx");
        await host.UploadAsync($"HN/{Period}/informe.xlsx", FilledSheet.Complete("HN", Period).Build());            // never delivered
        await DeadLetterAsync(storage, $"HN/{Period}/informe.xlsx");
        var niBytes = FilledSheet.Complete("NI", Period).Build();                                                   // merged; its run died holding the mail
        var ni = await host.UploadAsync($"NI/{Period}/informe.xlsx", niBytes);
        await host.Ingestor.MergeAsync(ni, default);
        await host.Submissions.TryClaimNoticeAsync(TableKeys.Partition(ReportingPeriod.Parse(Period), "NI"), Sha256(niBytes), "dead-run",
            clock.GetUtcNow() - SendClaimTimings.Default.Lease - TimeSpan.FromMinutes(1), SendClaimTimings.Default.Lease, default, "Accepted");

        var before = await host.Get<OperationsStatusService>().ReadAsync(default);

        Assert.False(before.Healthy);
        var uploads = storage.Layout.Uploads;
        Assert.Contains(new AttentionItem(AttentionCodes.UploadWithoutVerdict, $"{uploads}/GT/{Period}/informe.xlsx"), before.Attention);
        Assert.Contains(new AttentionItem(AttentionCodes.PoisonMessage, $"{uploads}/SV/{Period}/informe.xlsx"), before.Attention);
        Assert.Contains(new AttentionItem(AttentionCodes.DeadLetter, $"{uploads}/HN/{Period}/informe.xlsx"), before.Attention);
        Assert.Contains(new AttentionItem(AttentionCodes.MailOwed, $"{uploads}/NI/{Period}/informe.xlsx"), before.Attention);
        var dead = Assert.Single(before.DeadLetters);
        Assert.Equal(("MaxDeliveryAttemptEventCount", 30), (dead.Reason, dead.DeliveryAttempts));
        Assert.Equal("Host.Functions.IngestUpload", Assert.Single(before.PoisonMessages).FunctionId);
        Assert.Equal(SendClaimTimings.Default.Lease, Assert.Single(before.PendingMails).LapsesAt - before.PendingMails[0].ClaimedAt);
        // The uploads the trigger did not finish are stuck too (the poisoned and the dead-lettered ones have no verdict either).
        Assert.Equal(["GT", "HN", "SV"], before.StuckUploads.Select(u => u.UploadBlob.Split('/')[1]).Order());

        var replay = host.Get<DeadLetterReplay>();
        var replayed = await replay.ReplayAllAsync(default);
        var single = await replay.ReplayOneAsync("blob", $"{uploads}/GT/{Period}/informe.xlsx", default);
        var swept = await host.Get<PendingResultMails>().SendLapsedAsync(default);
        var again = await replay.ReplayOneAsync("blob", $"{uploads}/GT/{Period}/informe.xlsx", default);
        var nothingLeft = await replay.ReplayAllAsync(default);

        Assert.Equal([("dead-letter", "HN", IngestionOutcome.Accepted), ("poison", "SV", IngestionOutcome.Accepted)],
            replayed.Select(r => (r.Source, r.UploadBlob.Split('/')[1], r.Result!.Outcome)).OrderBy(r => r.Item1));
        Assert.Equal(IngestionOutcome.Accepted, single.Result!.Outcome);
        Assert.Equal(IngestionOutcome.Duplicate, Assert.Single(swept).Result!.Outcome);
        Assert.Equal(IngestionOutcome.Duplicate, again.Result!.Outcome);
        Assert.Empty(nothingLeft);
        var period = await host.Submissions.ListPeriodAsync(ReportingPeriod.Parse(Period), default);
        foreach (var unit in new[] { "GT", "SV", "HN", "NI" })
        {
            var entry = Assert.Single(period.History, h => h.Unit == unit);
            Assert.Equal((SubmissionStatus.Current, entry.RowKey), (entry.StatusValue, period.PointerFor(unit)!.SubmissionId));
            Assert.NotNull(entry.NotifiedAt);
            Assert.Equal(1, host.MailsWritten(unit));
        }

        var after = await host.Get<OperationsStatusService>().ReadAsync(default);
        Assert.DoesNotContain(after.Attention, a => a.Code is AttentionCodes.UploadWithoutVerdict or AttentionCodes.PoisonMessage
            or AttentionCodes.DeadLetter or AttentionCodes.MailOwed);
        Assert.Empty(after.PoisonMessages);
        Assert.NotNull(Assert.Single(after.DeadLetters).ReplayedAt);
        Assert.Empty(after.PendingMails);
    }

    [Fact]
    public async Task A_poison_message_for_an_upload_deleted_since_leaves_the_queue_with_nothing_replayed()
    {
        var storage = new TestStorage(azurite);
        using var host = new IngestionHost(storage, _outbox);
        await host.UploadAsync($"GT/{Period}/informe.xlsx", FilledSheet.Complete("GT", Period).Build());
        await PoisonAsync(storage, $"GT/{Period}/informe.xlsx");
        // The upload was deleted since: nothing to replay, and the message goes (there is nothing left to retry).
        await PoisonAsync(storage, $"GT/{Period}/borrado.xlsx");

        var replayed = await host.Get<DeadLetterReplay>().ReplayAllAsync(default);

        Assert.Equal(2, replayed.Count);
        Assert.Contains(replayed, r => r.UploadBlob.EndsWith("informe.xlsx", StringComparison.Ordinal) && r.Result!.Outcome == IngestionOutcome.Accepted);
        Assert.Contains(replayed, r => r.UploadBlob.EndsWith("borrado.xlsx", StringComparison.Ordinal) && r.Result is null && !r.Failed);
        Assert.Empty(await host.Get<PoisonQueue>().ListAsync(default));
    }
}
