using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Operations;

/// <summary>
/// The blob trigger's poison queue (<see cref="StorageNames.BlobTriggerPoisonQueue"/>): uploads the host gave up on
/// after five failed attempts. Read without taking messages (peek) for the status; a replay receives a message,
/// processes its upload again and deletes it only when that succeeded.
/// </summary>
public sealed class PoisonQueue(QueueServiceClient queues, StorageLayout layout)
{
    /// <summary>The queue service's peek limit; more than that is already a flood the alert has fired for.</summary>
    public const int MaxListed = 32;

    private QueueClient Queue => queues.GetQueueClient(layout.PoisonQueue);

    public async Task<IReadOnlyList<PoisonMessage>> ListAsync(CancellationToken ct)
    {
        try
        {
            var peeked = await Queue.PeekMessagesAsync(MaxListed, ct);
            return peeked.Value.Select(m => Read(m.MessageId, m.Body, m.InsertedOn)).ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> messages for <paramref name="visibility"/> (hidden from other readers while
    /// they are replayed) with what deletes each one.
    /// </summary>
    public async Task<IReadOnlyList<(PoisonMessage Message, Func<Task> Delete)>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        try
        {
            var received = await Queue.ReceiveMessagesAsync(Math.Clamp(max, 1, MaxListed), visibility, ct);
            return received.Value.Select(m => (Read(m.MessageId, m.Body, m.InsertedOn),
                (Func<Task>)(() => Queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, CancellationToken.None)))).ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    /// <summary>The host's poison message: JSON (<c>ContainerName</c>, <c>BlobName</c>, <c>FunctionId</c>), plain or base64-encoded.</summary>
    internal static PoisonMessage Read(string id, BinaryData body, DateTimeOffset? insertedAt)
    {
        var json = TryParse(body.ToString()) ?? TryParse(FromBase64(body.ToString()));
        if (json is null) return new PoisonMessage(id, "", insertedAt, null);
        using (json)
        {
            var root = json.RootElement;
            string? Field(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var container = Field("ContainerName");
            var blob = Field("BlobName");
            return new PoisonMessage(id, container is null || blob is null ? "" : $"{container}/{blob}", insertedAt, Field("FunctionId"));
        }
    }

    private static JsonDocument? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FromBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
