using System.Collections.Frozen;
using System.Security.Cryptography;
using ServerlessPlan.Core.Links;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The portal's stylesheet and script, embedded in the assembly (no build chain, nothing fetched from elsewhere) and
/// served by <see cref="PortalAssets"/>. URLs carry a digest of the content, so a new deployment is never hidden by a
/// cached old file and the files can be cached for long.
/// </summary>
public static class PortalAssetFiles
{
    private const string ResourcePrefix = "ServerlessPlan.Portal.Assets.";

    public sealed record Asset(string Name, byte[] Content, string ContentType, string Version);

    private static readonly FrozenDictionary<string, Asset> All = Load();

    public static Asset? Find(string name) => All.GetValueOrDefault(name);

    public static IReadOnlyCollection<string> Names => All.Keys;

    /// <summary><c>/assets/portal.css?v=…</c>.</summary>
    public static string Url(string name) =>
        All.TryGetValue(name, out var asset) ? $"{PortalRoutes.Path(PortalRoutes.Assets, ("name", name))}?v={asset.Version}" : throw new ArgumentException($"No asset '{name}'.", nameof(name));

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(PortalAssetFiles).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[ResourcePrefix.Length..];
            var bytes = copy.ToArray();
            assets[name] = new Asset(name, bytes, ContentTypeOf(name), Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
