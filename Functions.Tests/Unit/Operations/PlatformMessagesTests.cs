using System.Text;
using ServerlessPlan.Core.Operations;

namespace ServerlessPlan.Tests.Unit.Operations;

/// <summary>What the platform writes when it gives up on an upload, read as the status and the replay read it.</summary>
public sealed class PlatformMessagesTests
{
    private const string Poison = """{"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestUpload","BlobType":"BlockBlob","ContainerName":"uploads","BlobName":"GT/2021-Q3/informe.xlsx","ETag":"\"0x8DC\""}""";

    [Fact]
    public void A_poison_message_names_its_upload_whether_plain_or_base64_encoded()
    {
        var plain = PoisonQueue.Read("1", BinaryData.FromString(Poison), null);
        var encoded = PoisonQueue.Read("2", BinaryData.FromString(Convert.ToBase64String(Encoding.UTF8.GetBytes(Poison))), null);

        Assert.Equal(("uploads/GT/2021-Q3/informe.xlsx", "Host.Functions.IngestUpload"), (plain.UploadBlob, plain.FunctionId));
        Assert.Equal(plain.UploadBlob, encoded.UploadBlob);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"ContainerName":"uploads"}""")]
    [InlineData("[1,2,3]")]
    public void A_poison_message_that_names_no_upload_has_an_empty_path(string body) =>
        Assert.Equal("", PoisonQueue.Read("1", BinaryData.FromString(body), null).UploadBlob);

    [Fact]
    public void A_dead_letter_blob_gives_each_event_s_upload_reason_and_attempts()
    {
        var json = """
            [{"id":"a","subject":"/blobServices/default/containers/uploads/blobs/GT/2021-Q3/informe.xlsx","eventType":"Microsoft.Storage.BlobCreated",
              "eventTime":"2021-10-20T09:00:00Z","deadLetterReason":"MaxDeliveryAttemptEventCount","deliveryAttempts":30,"lastDeliveryOutcome":"Probation"},
             {"id":"b","subject":"/blobServices/default/containers/uploads/blobs/HN/2021-Q3/a b.xlsx","deadLetterReason":"TimeToLiveExceeded"}]
            """;

        var events = DeadLetters.Parse("t/s/2021/10/20/09/x.json", Encoding.UTF8.GetBytes(json), null).ToList();

        Assert.Equal(2, events.Count);
        Assert.Equal(("uploads/GT/2021-Q3/informe.xlsx", "MaxDeliveryAttemptEventCount", (int?)30), (events[0].UploadBlob, events[0].Reason, events[0].DeliveryAttempts));
        Assert.Equal(new DateTimeOffset(2021, 10, 20, 9, 0, 0, TimeSpan.Zero), events[0].EventTime);
        Assert.Equal(("uploads/HN/2021-Q3/a b.xlsx", (int?)null), (events[1].UploadBlob, events[1].DeliveryAttempts));
    }

    [Theory]
    [InlineData("/blobServices/default/containers/uploads/blobs/GT/2021-Q3/x.xlsx", "uploads/GT/2021-Q3/x.xlsx")]
    [InlineData("/subscriptions/s/resourceGroups/r", null)]
    [InlineData("/blobServices/default/containers/uploads", null)]
    [InlineData(null, null)]
    public void A_subject_names_the_blob_it_is_about(string? subject, string? expected) => Assert.Equal(expected, DeadLetters.UploadOf(subject));

    [Fact]
    public void A_dead_letter_blob_that_is_not_json_is_listed_with_why()
    {
        var only = Assert.Single(DeadLetters.Parse("x.json", Encoding.UTF8.GetBytes("<html>"), null));

        Assert.Null(only.UploadBlob);
        Assert.Contains("not JSON", only.Reason, StringComparison.Ordinal);
    }
}
