using System.Text.Json.Nodes;

namespace ServerlessPlan.LocalHost;

/// <summary>
/// The deployed host.json (embedded in this assembly from the repository's root), read for what the local server
/// must do as the Functions host does: the HTTP route prefix and the blob trigger's parallelism.
/// </summary>
public static class HostSettings
{
    private static readonly Lazy<JsonNode?> Json = new(() =>
    {
        using var stream = typeof(HostSettings).Assembly.GetManifestResourceStream("host.json")
            ?? throw new InvalidOperationException("host.json is not embedded in the LocalHost assembly.");
        return JsonNode.Parse(stream);
    });

    /// <summary><c>extensions.http.routePrefix</c>; the host's default is <c>api</c>.</summary>
    public static string RoutePrefix => ((string?)Json.Value?["extensions"]?["http"]?["routePrefix"] ?? "api").Trim('/');

    /// <summary><c>extensions.blobs.maxDegreeOfParallelism</c>; the host's default is 8 per core, at least 1.</summary>
    public static int BlobParallelism => (int?)Json.Value?["extensions"]?["blobs"]?["maxDegreeOfParallelism"] ?? 8 * Environment.ProcessorCount;
}
