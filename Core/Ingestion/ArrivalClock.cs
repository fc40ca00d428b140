using Azure.Storage.Blobs.Models;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// Reads when an upload arrived: from the blob itself (<see cref="UploadArrival"/>), which is what the Functions app and
/// the tests always do. The CLI's demo replaces it (<c>Cli/Demo/DemoArrivalClock</c>): its story is set in the plan's
/// years on a moved clock, while the emulator stamps blobs with today's time, so it moves each arrival by the same
/// offset as its clock — timeliness then reads as it would have on the story's dates. A constant offset keeps the
/// order of arrivals exactly as the blobs give it.
/// </summary>
public class ArrivalClock
{
    public virtual DateTimeOffset Of(BlobDownloadDetails download) => UploadArrival.Of(download);
}
