using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Operations;

/// <summary>
/// Processes again what the platform gave up on, through the same ingestion (<see cref="IngestionReplay"/>): Event
/// Grid's dead-lettered BlobCreated events (the dead-letter blob is kept and marked replayed once every upload in it
/// was processed) and the blob trigger's poison messages (each deleted once its upload was processed). An upload that
/// fails again stays where it was, for the next replay; one already merged comes back a duplicate.
/// </summary>
public sealed class DeadLetterReplay(DeadLetters deadLetters, PoisonQueue poison, IngestionReplay replay, StorageLayout layout, TimeProvider time,
    ILogger<DeadLetterReplay> logger)
{
    /// <summary>How long a poison message stays hidden while its upload is replayed.</summary>
    private static readonly TimeSpan PoisonVisibility = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<ReplayedUpload>> ReplayAllAsync(CancellationToken ct)
    {
        var replayed = new List<ReplayedUpload>();
        foreach (var letter in (await deadLetters.ListAsync(ct)).Where(d => d.ReplayedAt is null).GroupBy(d => d.DeadLetterBlob))
        {
            var results = new List<ReplayedUpload>();
            foreach (var e in letter)
            {
                // Only uploads: the subscription filters on the uploads container, but the container is the platform's.
                if (e.UploadBlob is null || !IsUpload(e.UploadBlob)) continue;
                results.Add(await ReplayOneAsync("dead-letter", e.UploadBlob, ct));
            }
            replayed.AddRange(results);
            if (results.All(r => !r.Failed)) await deadLetters.MarkReplayedAsync(letter.Key, time.GetUtcNow(), ct);
        }

        while (true)
        {
            var messages = await poison.ReceiveAsync(PoisonQueue.MaxListed, PoisonVisibility, ct);
            if (messages.Count == 0) break;
            var failed = 0;
            foreach (var (message, delete) in messages)
            {
                var result = IsUpload(message.UploadBlob)
                    ? await ReplayOneAsync("poison", message.UploadBlob, ct)
                    : new ReplayedUpload("poison", message.UploadBlob, null, "not an upload of this app: left in the queue");
                replayed.Add(result);
                if (result.Failed) failed++;
                else await delete();
            }
            // Those that failed again are hidden for PoisonVisibility: receiving again now would only return the others.
            if (failed == messages.Count) break;
        }
        return replayed;
    }

    /// <summary>
    /// Replays one upload named by its path (the CLI's <c>--blob</c>, a row of the operations page): once it reached its
    /// verdict, the poison messages and dead-letters naming it are settled too, as <see cref="ReplayAllAsync"/> settles them.
    /// </summary>
    public async Task<ReplayedUpload> ReplayBlobAsync(string source, string uploadBlob, CancellationToken ct)
    {
        var replayed = await ReplayOneAsync(source, uploadBlob, ct);
        if (replayed.Result is null) return replayed;
        var name = replay.Upload(uploadBlob).Name;
        bool Same(string? path) => path is not null && IsUpload(path) && replay.Upload(path).Name == name;

        foreach (var letter in (await deadLetters.ListAsync(ct)).Where(d => d.ReplayedAt is null).GroupBy(d => d.DeadLetterBlob))
        {
            if (letter.All(e => Same(e.UploadBlob))) await deadLetters.MarkReplayedAsync(letter.Key, time.GetUtcNow(), ct);
        }
        // Received briefly: the others reappear at once; this upload's are deleted.
        foreach (var (message, delete) in await poison.ReceiveAsync(PoisonQueue.MaxListed, TimeSpan.FromSeconds(1), ct))
        {
            if (Same(message.UploadBlob)) await delete();
        }
        return replayed;
    }

    /// <summary>Replays one upload named by its path; a failure is recorded, not thrown, so the rest are still replayed.</summary>
    public async Task<ReplayedUpload> ReplayOneAsync(string source, string uploadBlob, CancellationToken ct)
    {
        try
        {
            var result = await replay.ReplayAsync(uploadBlob, ct);
            if (result is null)
            {
                logger.LogWarning("Replay of {Blob} ({Source}): the upload no longer exists", uploadBlob, source);
                return new ReplayedUpload(source, uploadBlob, null, null);
            }
            logger.LogInformation("Replayed {Blob} ({Source}): {Outcome}", uploadBlob, source, result.Outcome);
            return new ReplayedUpload(source, uploadBlob, result, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Replay of {Blob} ({Source}) failed again", uploadBlob, source);
            return new ReplayedUpload(source, uploadBlob, null, ex.Message);
        }
    }

    private bool IsUpload(string path) =>
        path.StartsWith(layout.Uploads + "/", StringComparison.Ordinal) || path.StartsWith(StorageNames.UploadsContainer + "/", StringComparison.Ordinal);
}
