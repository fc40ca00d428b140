using Microsoft.Extensions.Configuration;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Lets one connection section serve both the Functions host and <c>Microsoft.Extensions.Azure</c>. The latter reads a
/// section's plain value as a connection string, and otherwise matches keys to client constructor parameters
/// (<c>serviceUri</c> for blobs, <c>endpoint</c> for tables) plus <c>credential</c>/<c>clientId</c>; the host's
/// identity keys are <c>blobServiceUri</c>/<c>tableServiceUri</c>, so those are renamed here.
/// </summary>
internal static class StorageConnection
{
    public static IConfiguration ForClient(IConfigurationSection section, string hostKey, string sdkKey)
    {
        if (section.Value is not null || section[sdkKey] is not null || section[hostKey] is null)
            return section;

        var values = section.AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null && !string.Equals(kv.Key, hostKey, StringComparison.OrdinalIgnoreCase))
            .Append(new KeyValuePair<string, string?>(sdkKey, section[hostKey]));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
