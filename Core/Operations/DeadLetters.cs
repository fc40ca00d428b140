using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Operations;

/// <summary>
/// Event Grid's dead-letter container (<see cref="StorageNames.EventGridDeadLetters"/>): each blob a JSON array of the
/// events it gave up on (Event Grid schema, with <c>deadLetterReason</c>, <c>deliveryAttempts</c>,
/// <c>lastDeliveryOutcome</c>). A dead-letter blob replayed is kept and marked (metadata <c>replayedat</c>), so the
/// evidence stays and it no longer needs attention.
/// </summary>
public sealed class DeadLetters(BlobServiceClient blobs, StorageLayout layout, ILogger<DeadLetters> logger)
{
    public const string ReplayedAtMetadata = "replayedat";

    /// <summary>Bounds what one dead-letter blob may cost to read: Event Grid writes one small array per blob.</summary>
    private const long MaxBlobBytes = 1024 * 1024;

    private BlobContainerClient Container => blobs.GetBlobContainerClient(layout.DeadLetters);

    /// <summary>Every dead-lettered event, oldest blob first; none when the container does not exist (nothing dead-lettered yet).</summary>
    public async Task<IReadOnlyList<DeadLetteredEvent>> ListAsync(CancellationToken ct)
    {
        var events = new List<DeadLetteredEvent>();
        try
        {
            await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, ct))
            {
                DateTimeOffset? replayed = item.Metadata.TryGetValue(ReplayedAtMetadata, out var at) && DateTimeOffset.TryParse(at, out var when) ? when : null;
                if (item.Properties.ContentLength is > MaxBlobBytes)
                {
                    events.Add(new DeadLetteredEvent(item.Name, null, item.Properties.LastModified, "dead-letter blob too large to read", null, null, replayed));
                    continue;
                }
                var content = await Container.GetBlobClient(item.Name).DownloadContentAsync(ct);
                events.AddRange(Parse(item.Name, content.Value.Content.ToArray(), replayed));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // The container is Event Grid's (infra/app/rbac.bicep gives the app no role there): the status cannot list
            // it, and says so in the log rather than fail whole; the dead-letter metric alert still sees them.
            logger.LogWarning("The app may not read Event Grid's dead-letters in {Container}: {Reason}", layout.DeadLetters, ex.ErrorCode);
        }
        return events;
    }

    public Task MarkReplayedAsync(string deadLetterBlob, DateTimeOffset at, CancellationToken ct) =>
        Container.GetBlobClient(deadLetterBlob).SetMetadataAsync(new Dictionary<string, string> { [ReplayedAtMetadata] = at.ToString("O") }, cancellationToken: ct);

    /// <summary>The events of one dead-letter blob; the upload's path from each event's subject.</summary>
    internal static IEnumerable<DeadLetteredEvent> Parse(string name, byte[] content, DateTimeOffset? replayed)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content);
        }
        catch (JsonException)
        {
            return [new DeadLetteredEvent(name, null, null, "not an Event Grid dead-letter (not JSON)", null, null, replayed)];
        }
        using (json)
        {
            var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
            return items.Select(e => new DeadLetteredEvent(name, UploadOf(String(e, "subject")), Time(e, "eventTime"), String(e, "deadLetterReason"),
                e.TryGetProperty("deliveryAttempts", out var n) && n.TryGetInt32(out var attempts) ? attempts : null,
                String(e, "lastDeliveryOutcome"), replayed)).ToList();
        }
    }

    /// <summary><c>/blobServices/default/containers/uploads/blobs/GT/2021-Q3/x.xlsx</c> → <c>uploads/GT/2021-Q3/x.xlsx</c>.</summary>
    internal static string? UploadOf(string? subject)
    {
        const string Containers = "/blobServices/default/containers/";
        if (subject is null || !subject.StartsWith(Containers, StringComparison.Ordinal)) return null;
        var rest = subject[Containers.Length..];
        var blobsAt = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        return blobsAt <= 0 ? null : $"{rest[..blobsAt]}/{rest[(blobsAt + "/blobs/".Length)..]}";
    }

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Time(JsonElement e, string name) => DateTimeOffset.TryParse(String(e, name), out var t) ? t : null;
}
