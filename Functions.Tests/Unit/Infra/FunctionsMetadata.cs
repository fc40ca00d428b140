using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The functions.metadata the Functions SDK generates into the Functions project's build output: the functions and
/// bindings the host will see, hence the connections and %settings% the deployed app must define.
/// </summary>
internal static partial class FunctionsMetadata
{
    /// <summary>Functions/bin/&lt;configuration&gt;/net10.0/functions.metadata, for the configuration the tests run in.</summary>
    public static string Path
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            return System.IO.Path.Combine(CompiledTemplate.RepoRoot, "Functions", "bin", configuration, framework, "functions.metadata");
        }
    }

    public static JsonArray Load() =>
        File.Exists(Path)
            ? JsonNode.Parse(File.ReadAllText(Path))!.AsArray()
            : throw new FileNotFoundException("Build the Functions project first (the test project references it).", Path);

    public static IEnumerable<string> FunctionNames(JsonArray functions) =>
        functions.Select(f => (string)f!["name"]!);

    /// <summary>
    /// App settings the bindings read: identity-based connection settings (<c>&lt;connection&gt;__blobServiceUri</c>,
    /// …, <c>__credential</c>, <c>__clientId</c>; a storage binding without one uses AzureWebJobsStorage) and every
    /// <c>%Setting%</c> placeholder (the timer schedule).
    /// </summary>
    public static SortedSet<string> RequiredSettings(JsonArray functions)
    {
        var settings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var binding in functions.SelectMany(f => f!["bindings"]!.AsArray()).OfType<JsonObject>())
        {
            var services = ServicesOf((string)binding["type"]!);
            if (services.Length > 0)
            {
                var connection = (string?)binding["connection"];
                var name = string.IsNullOrEmpty(connection) ? "AzureWebJobsStorage" : connection;
                foreach (var service in services)
                    settings.Add($"{name}__{service}ServiceUri");
                settings.Add($"{name}__credential");
                settings.Add($"{name}__clientId");
            }

            foreach (var (_, value) in binding)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    foreach (Match match in Placeholder().Matches(text))
                        settings.Add(match.Groups[1].Value);
                }
            }
        }

        return settings;
    }

    // The blob trigger also needs queues: failed blobs go to a poison queue on the same connection.
    private static string[] ServicesOf(string bindingType) => bindingType.ToLowerInvariant() switch
    {
        "blobtrigger" => ["blob", "queue"],
        "blob" => ["blob"],
        "queuetrigger" or "queue" => ["queue"],
        "table" => ["table"],
        _ => [],
    };

    [GeneratedRegex("%([A-Za-z0-9_:.-]+)%")]
    private static partial Regex Placeholder();
}
