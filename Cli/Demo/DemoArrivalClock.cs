using Azure.Storage.Blobs.Models;
using ServerlessPlan.Core.Ingestion;

namespace ServerlessPlan.Cli.Demo;

/// <summary>
/// The demo's reading of when an upload arrived: the blob's own time moved by as much as <see cref="DemoClock"/> moves
/// "now", so that an upload the demo makes today lands on the date its story is set. Zero offset — the blob's time —
/// for every other verb.
/// </summary>
public sealed class DemoArrivalClock(DemoClock clock) : ArrivalClock
{
    public override DateTimeOffset Of(BlobDownloadDetails download) => base.Of(download) + clock.Offset;
}
