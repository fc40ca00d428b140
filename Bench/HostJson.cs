using System.Text.Json.Nodes;

namespace ServerlessPlan.Bench;

/// <summary>
/// The Functions host's settings the bench reproduces, read from the host.json deployed with the app (embedded in this
/// assembly at build, so the bench cannot drift from it).
/// </summary>
public static class HostJson
{
    private static readonly Lazy<JsonNode?> Document = new(() =>
    {
        using var stream = typeof(HostJson).Assembly.GetManifestResourceStream("host.json")
            ?? throw new InvalidOperationException("host.json is not embedded in the bench (see Bench.csproj).");
        return JsonNode.Parse(stream);
    });

    /// <summary>
    /// <c>extensions.blobs.maxDegreeOfParallelism</c>: how many blob-triggered invocations one instance runs at once;
    /// when absent, the extension's default of 8 per core.
    /// </summary>
    public static int BlobMaxDegreeOfParallelism(int processorCount = 0) =>
        (int?)Document.Value?["extensions"]?["blobs"]?["maxDegreeOfParallelism"]
        ?? 8 * (processorCount > 0 ? processorCount : Environment.ProcessorCount);
}
